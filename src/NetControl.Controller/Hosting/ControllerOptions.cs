using NetControl.Core.Topology;
using NetControl.Orchestration.Lightpaths;

namespace NetControl.Controller.Hosting;

/// <summary>
/// Everything the controller needs to start: where to listen, which network (a topology file or an already loaded
/// topology), where to keep state, who may call the API, and which switches to drive.
/// </summary>
public sealed record ControllerOptions
{
    /// <summary>HTTP listen URL; port 0 binds a free port (<see cref="ControllerHost.Address"/> reports the one bound).</summary>
    public string Listen { get; init; } = "http://127.0.0.1:8080";

    /// <summary>Topology file to load when <see cref="Topology"/> is null.</summary>
    public string? TopologyPath { get; init; }

    /// <summary>An already loaded topology (wins over <see cref="TopologyPath"/>).</summary>
    public NetworkTopology? Topology { get; init; }

    /// <summary>SQLite database file; null keeps state in memory (lost on restart).</summary>
    public string? DatabasePath { get; init; }

    /// <summary>Bearer tokens accepted by the API.</summary>
    public IReadOnlyList<ApiToken> Tokens { get; init; } = [];

    /// <summary>Switches to connect; every switch a lightpath crosses must be here.</summary>
    public IReadOnlyList<DeviceEndpoint> Devices { get; init; } = [];

    /// <summary>UDP port on which SNMP linkDown/linkUp traps are received; null: no trap receiver.</summary>
    public int? SnmpTrapListen { get; init; }

    /// <summary>Address the SNMP trap receiver binds (loopback unless set).</summary>
    public string SnmpTrapAddress { get; init; } = "127.0.0.1";

    public LightpathServiceOptions LightpathService { get; init; } = new();

    /// <summary>How long to wait for every device's first TL1 login at start.</summary>
    public TimeSpan DeviceConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>TL1 command timeout per device.</summary>
    public TimeSpan DeviceCommandTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a Glimmerglass switch (no autonomous alarms) has its port power polled.</summary>
    public TimeSpan PowerPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often the IF-MIB octet counters of the switches with an SNMP agent (<see cref="DeviceEndpoint.Snmp"/>) are
    /// read for measured link utilisation; no switch with an agent: nothing is polled.
    /// </summary>
    public TimeSpan UtilisationPollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Probe telemetry (MQTT broker, link quality, probe alarms, roll-ups, reflector overlay); null: none.</summary>
    public Telemetry.TelemetryOptions? Telemetry { get; init; }

    /// <summary>Configuring lightpath end hosts through their agents (signed MQTT commands); null: requests asking for it fail.</summary>
    public Hosts.HostsOptions? Hosts { get; init; }

    /// <summary>Interval of the comment line that keeps an idle server-sent-events stream open.</summary>
    public TimeSpan EventStreamHeartbeat { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How the SignalR dashboard coalesces and buffers updates.</summary>
    public Dashboard.DashboardOptions Dashboard { get; init; } = new();

    /// <summary>Lets operators cut (and admins repair) fibres from the dashboard: the demo's simulator only; null: not offered.</summary>
    public Dashboard.IFibreFaultInjector? FaultInjector { get; init; }
}

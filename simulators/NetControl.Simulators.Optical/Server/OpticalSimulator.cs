using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetControl.Core.Topology;
using NetControl.Simulators.Optical.Dialects;
using NetControl.Simulators.Optical.Model;
using NetControl.Simulators.Optical.Snmp;

namespace NetControl.Simulators.Optical.Server;

/// <summary>
/// Every photonic switch of a topology in one process, each on its own loopback TCP port speaking its dialect,
/// sharing one <see cref="SimulatedNetwork"/> (light, cuts) — what <c>netctl sim optical</c> runs and what the
/// driver contract tests connect to. With SNMP options, each switch also has an <see cref="SnmpAgent"/> on its own
/// loopback UDP port.
/// </summary>
public sealed class OpticalSimulator : IAsyncDisposable
{
    private readonly List<SwitchServer> _servers = [];
    private readonly List<Tl1Agent> _agents = [];
    private readonly List<SnmpAgent> _snmpAgents = [];
    private SimulatorControlApi? _control;

    private OpticalSimulator(SimulatedNetwork network) => Network = network;

    public SimulatedNetwork Network { get; }

    /// <summary>Each switch's name, dialect, TL1 port and SNMP port (when SNMP runs), in topology order.</summary>
    public IReadOnlyList<SwitchEndpoint> Endpoints =>
        [.. _servers.Select((s, i) => new SwitchEndpoint(
            s.Agent.Sid,
            s.Agent.Dialect.Kind.ToString().ToLowerInvariant(),
            s.Port,
            i < _snmpAgents.Count ? _snmpAgents[i].Port : null))];

    /// <summary>The SNMP agents, in topology order; empty when started without SNMP options.</summary>
    public IReadOnlyList<SnmpAgent> SnmpAgents => _snmpAgents;

    /// <summary>The control API's base address (<c>http://127.0.0.1:PORT/</c>), when started with one.</summary>
    public Uri? ControlAddress => _control?.Address;

    /// <summary>
    /// Starts one TL1 listener per switch on 127.0.0.1: ports <paramref name="basePort"/>, +1, ... in topology order
    /// (0: any free port each), the HTTP control API on <paramref name="controlPort"/> when given, and, when
    /// <paramref name="snmp"/> is given, one SNMP agent per switch on UDP ports <see cref="SnmpAgentOptions.BasePort"/>,
    /// +1, ... (0: any free port each).
    /// </summary>
    public static async Task<OpticalSimulator> StartAsync(
        NetworkTopology topology,
        int basePort = 0,
        int? controlPort = null,
        SimulatorOptions? options = null,
        Tl1AgentOptions? agentOptions = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggers = null,
        SnmpAgentOptions? snmp = null)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var time = timeProvider ?? TimeProvider.System;
        var logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger<OpticalSimulator>();
        var simulator = new OpticalSimulator(new SimulatedNetwork(topology, options, time));
        try
        {
            int offset = 0;
            foreach (var sw in simulator.Network.Switches)
            {
                var agent = new Tl1Agent(sw, agentOptions);
                simulator._agents.Add(agent);
                var server = new SwitchServer(agent, basePort == 0 ? 0 : basePort + offset++, time, logger);
                simulator._servers.Add(server);
                server.Start();
                if (snmp is not null)
                {
                    int snmpPort = snmp.BasePort == 0 ? 0 : snmp.BasePort + simulator._snmpAgents.Count;
                    simulator._snmpAgents.Add(SnmpAgent.Start(sw, snmp, snmpPort, loggers));
                }
            }

            if (controlPort is int port)
            {
                simulator._control = SimulatorControlApi.Start(simulator.Network, port);
            }

            return simulator;
        }
        catch
        {
            await simulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _control?.Dispose();
        foreach (var agent in _snmpAgents)
        {
            await agent.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var server in _servers)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var agent in _agents)
        {
            agent.Dispose();
        }
    }
}

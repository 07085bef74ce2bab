using NetControl.Core.Topology;
using NetControl.Formats;
using NetControl.Simulators.Optical.Server;
using NetControl.Simulators.Optical.Snmp;
using NetControl.Drivers.Snmp.Tests.Fixtures;

namespace NetControl.Drivers.Snmp.Tests.Interop;

/// <summary>
/// The optical simulator with SNMP on a one-switch network, on the real clock: Calient PXC with four bidirectional
/// ports, hosts h1 on 1.1a.1 (link h1-pxc, 1 km: -0.72 dBm) and h2 on 1.1a.2 (link h2-pxc, 2 km: -0.94 dBm), ports
/// 1.1a.3 and 1.1a.4 dark. Communities public / private, v3 users <see cref="NetSnmpUser.Sha"/>,
/// <see cref="NetSnmpUser.Sha256"/> (authPriv), <see cref="NetSnmpUser.ShaAuthOnly"/> and <see cref="NetSnmpUser.Sha256AuthOnly"/> (authNoPriv). Use as a class fixture for read-mostly tests, or <see cref="StartAsync"/> for a
/// private instance (cuts, trap targets).
/// </summary>
public sealed class SimulatedSwitchFixture : IAsyncLifetime
{
    public const string SwitchName = "PXC";

    private const string Yaml = """
        name: snmp-lab
        nodes:
          - id: PXC
            kind: optical-switch
            vendor: calient
            label: Lab
            ports:
              - range: { bidirectional: "1.1a.1-4" }
          - id: h1
            kind: host
            ports:
              - name: eth0
          - id: h2
            kind: host
            ports:
              - name: eth0
        links:
          - { id: h1-pxc, a: "h1:eth0", b: "PXC:1.1a.1", length-km: 1 }
          - { id: h2-pxc, a: "h2:eth0", b: "PXC:1.1a.2", length-km: 2 }
        """;

    private OpticalSimulator? _simulator;

    public static NetworkTopology Topology { get; } = TopologyFile.Parse(Yaml, "snmp-lab.yaml");

    public OpticalSimulator Simulator => _simulator ?? throw new InvalidOperationException("not started");

    /// <summary>The agent's address as net-snmp tools take it.</summary>
    public string Target => $"127.0.0.1:{Simulator.Endpoints.Single().SnmpPort}";

    /// <summary>The options every instance starts with: the two v3 users, default communities.</summary>
    public static SnmpAgentOptions BaseOptions { get; } = new()
    {
        Users = [NetSnmpUser.Sha.ToUsmUser(), NetSnmpUser.Sha256.ToUsmUser(), NetSnmpUser.ShaAuthOnly.ToUsmUser(), NetSnmpUser.Sha256AuthOnly.ToUsmUser()],
    };

    /// <summary>A private simulator with <paramref name="options"/> (default <see cref="BaseOptions"/>).</summary>
    public static Task<OpticalSimulator> StartAsync(SnmpAgentOptions? options = null) =>
        OpticalSimulator.StartAsync(Topology, snmp: options ?? BaseOptions);

    public async Task InitializeAsync() => _simulator = await StartAsync();

    public async Task DisposeAsync()
    {
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }
}

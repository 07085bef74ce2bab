using NetControl.Core.Topology;
using NetControl.Formats;
using NetControl.Simulators.Optical.Model;
using NetControl.Tests.Shared;

namespace NetControl.Simulators.Optical.Tests.Support;

/// <summary>The topologies the tests simulate.</summary>
internal static class Networks
{
    /// <summary>
    /// Two Glimmerglass switches (A, B) and two Calients (X, Y), each pair joined by two 10 km links; host h1 on
    /// A:10003 over 50 km (passive), host h2 on X:1.1a.3 over 1 km.
    /// </summary>
    public const string LabYaml = """
        name: lab
        nodes:
          - id: A
            kind: optical-switch
            vendor: glimmerglass
            ports:
              - range: { input: 10001-10004, output: 20001-20004 }
          - id: B
            kind: optical-switch
            vendor: Glimmerglass
            ports:
              - range: { input: 10001-10004, output: 20001-20004 }
          - id: X
            kind: optical-switch
            vendor: calient
            ports:
              - range: { bidirectional: "1.1a.1-4" }
          - id: Y
            kind: optical-switch
            vendor: calient
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
          - { id: A1-B1, a: "A:10001", b: "B:10001", length-km: 10 }
          - { id: A2-B2, a: "A:10002", b: "B:10002", length-km: 10 }
          - { id: X1-Y1, a: "X:1.1a.1", b: "Y:1.1a.1", length-km: 10 }
          - { id: X2-Y2, a: "X:1.1a.2", b: "Y:1.1a.2", length-km: 10 }
          - { id: h1-A, a: "h1:eth0", b: "A:20003", length-km: 50 }
          - { id: h2-X, a: "h2:eth0", b: "X:1.1a.3", length-km: 1 }
        """;

    private static readonly Lazy<NetworkTopology> UslhcnetTopology = new(() =>
        TopologyFile.Load(Path.Combine(SharedDataPath.RepositoryRoot(), "topology", "uslhcnet.yaml")));

    private static readonly Lazy<NetworkTopology> LabTopology = new(() => TopologyFile.Parse(LabYaml, "lab.yaml"));

    public static NetworkTopology Uslhcnet => UslhcnetTopology.Value;

    public static NetworkTopology Lab => LabTopology.Value;

    public static SimulatedNetwork SimulateUslhcnet(TimeProvider? clock = null, SimulatorOptions? options = null) =>
        new(Uslhcnet, options, clock ?? new ManualClock());

    public static SimulatedNetwork SimulateLab(TimeProvider? clock = null, SimulatorOptions? options = null) =>
        new(Lab, options, clock ?? new ManualClock());

    /// <summary>
    /// Connects cern-fdt to caltech-fdt both ways: GVA-GG 10001&lt;-&gt;10005 (duplex pair), CHI-PXC 1.1a.2-1.1a.4 and
    /// CIT-PXC 1.1a.1-1.1a.2 (2WAY), over CHI-GVA-QWEST and CHI-CIT-I2.
    /// </summary>
    public static void ConnectCernToCaltech(SimulatedNetwork network, CrossConnectKind calientKind = CrossConnectKind.TwoWay)
    {
        network.GetSwitch("GVA-GG").Connect([new SwitchConnection("10001", "20005"), new SwitchConnection("10005", "20001")]).ThrowIfFailed("GVA-GG");
        network.GetSwitch("CHI-PXC").Connect(new SwitchConnection("1.1a.2", "1.1a.4", calientKind)).ThrowIfFailed("CHI-PXC");
        network.GetSwitch("CIT-PXC").Connect(new SwitchConnection("1.1a.1", "1.1a.2", calientKind)).ThrowIfFailed("CIT-PXC");
    }
}

using NetControl.Formats;
using NetControl.Simulators.Optical.Model;
using NetControl.Simulators.Optical.Tests.Support;

namespace NetControl.Simulators.Optical.Tests.Model;

public sealed class SimulatedNetworkTests
{
    [Fact]
    public void Constructor_Uslhcnet_MakesEverySwitchWithItsVendorsDialect()
    {
        var network = Networks.SimulateUslhcnet();

        Assert.Equal(["GVA-GG", "AMS-GG", "NYC-GG", "CHI-PXC", "CIT-PXC"], network.Switches.Select(s => s.Name));
        Assert.Equal(SwitchDialect.Glimmerglass, network.GetSwitch("GVA-GG").Dialect);
        Assert.Equal(SwitchDialect.Calient, network.GetSwitch("CIT-PXC").Dialect);
        Assert.Equal(32, network.GetSwitch("GVA-GG").Ports.Length);
    }

    [Fact]
    public void Constructor_VendorInAnyCase_IsRecognised()
    {
        Assert.Equal(SwitchDialect.Glimmerglass, Networks.SimulateLab().GetSwitch("B").Dialect);
    }

    [Fact]
    public void Constructor_UnknownVendor_ThrowsNamingTheNode()
    {
        var topology = TopologyFile.Parse(UnknownVendorYaml, "polatis.yaml");

        var e = Assert.Throws<SimulatorException>(() => new SimulatedNetwork(topology));

        Assert.Contains("'P1'", e.Message, StringComparison.Ordinal);
        Assert.Contains("polatis", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnknownVendorWithDefaultDialect_UsesTheDefault()
    {
        var topology = TopologyFile.Parse(UnknownVendorYaml, "polatis.yaml");

        var network = new SimulatedNetwork(topology, new SimulatorOptions { DefaultDialect = SwitchDialect.Calient });

        Assert.Equal(SwitchDialect.Calient, network.GetSwitch("P1").Dialect);
    }

    [Fact]
    public void GetSwitch_NotASwitch_Throws()
    {
        var network = Networks.SimulateUslhcnet();

        Assert.Throws<SimulatorException>(() => network.GetSwitch("cern-fdt"));
        Assert.False(network.TryGetSwitch("nope", out _));
    }

    [Fact]
    public void PowerAt_UnknownPort_Throws()
    {
        var network = Networks.SimulateUslhcnet();

        Assert.Throws<SimulatorException>(() => network.PowerAt("GVA-GG", "30001"));
        Assert.Throws<SimulatorException>(() => network.PowerAt("nowhere", "1"));
    }

    [Fact]
    public void SetTransmitter_OnInputPort_Throws()
    {
        var network = Networks.SimulateLab();

        Assert.Throws<SimulatorException>(() => network.SetTransmitter("A", "10004", 0));
        Assert.Throws<SimulatorException>(() => network.InjectLight("A", "20004", 0));
    }

    [Fact]
    public async Task Connect_ConcurrentFromManyThreads_EveryPortUsedOnce()
    {
        var network = Networks.SimulateUslhcnet();
        var sw = network.GetSwitch("GVA-GG");
        var attempts = Enumerable.Range(1, 16).SelectMany(i => Enumerable.Range(1, 16).Select(o => new SwitchConnection($"100{i:D2}", $"200{o:D2}"))).ToList();

        var results = await Task.WhenAll(attempts.Select(c => Task.Run(() => sw.Connect(c))));

        Assert.Equal(16, results.Count(r => r.Succeeded));
        Assert.Equal(16, sw.Connections.Select(c => c.From).Distinct().Count());
        Assert.Equal(16, sw.Connections.Select(c => c.To).Distinct().Count());
    }

    private const string UnknownVendorYaml = """
        name: polatis
        nodes:
          - id: P1
            kind: optical-switch
            vendor: polatis
            ports:
              - name: "1"
        """;
}

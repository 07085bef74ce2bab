using static NetControl.Cli.Tests.CliRunner;

namespace NetControl.Cli.Tests.Commands;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_EmbeddedTopology_PrintsTransferPathsProtectionAndACut()
    {
        var run = await Netctl("demo");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("'USLHCnet': 12 nodes", run.Out);
        Assert.Contains("cern-fdt > GVA-GG > CHI-PXC > CIT-PXC > caltech-fdt", run.Out);
        Assert.Contains("via CERN-FDT, CHI-GVA-QWEST, CHI-CIT-I2, CIT-FDT", run.Out);
        Assert.Contains("Protected core between GVA-GG and CHI-PXC", run.Out);
        Assert.Contains("no SRLG-disjoint pair from cern-fdt to caltech-fdt exists: every route crosses link CERN-FDT", run.Out);
        Assert.Contains("Fibre cut: every 'qwest' circuit down (CHI-GVA-QWEST, CHI-NYC-QWEST)", run.Out);
        Assert.Equal(string.Empty, run.Err);
    }

    [Fact]
    public async Task Demo_Json_DescribesEveryStep()
    {
        var run = await Netctl("demo", "--json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal("USLHCnet", json.GetProperty("topology").GetString());
        Assert.Equal("cern-fdt", json.GetProperty("from").GetString());
        var steps = json.GetProperty("steps");
        Assert.Equal(4, steps.GetArrayLength());
        Assert.Equal(3, steps[0].GetProperty("paths").GetArrayLength());
        Assert.Equal(2, steps[1].GetProperty("paths").GetArrayLength());
        Assert.Equal("no-disjoint-pair", steps[2].GetProperty("failure").GetProperty("kind").GetString());
        var afterCut = steps[3].GetProperty("paths")[0].GetProperty("links").EnumerateArray().Select(l => l.GetProperty("link").GetString());
        Assert.Contains("CHI-GVA-GC", afterCut);
    }

    [Fact]
    public async Task Demo_OtherTopologyWithoutHosts_UsesFirstAndLastNode()
    {
        var run = await Netctl("demo", "--topology", Repo("topology", "zoo", "Abilene.graphml"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Transfer paths", run.Out);
    }
}

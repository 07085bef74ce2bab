using static NetControl.Cli.Tests.CliRunner;

namespace NetControl.Cli.Tests.Commands;

public sealed class DemoCommandTests
{
    // One self-check run (controller, simulator, 24 probe agents on 276 emulated links) serves every JSON test: each
    // run is heavy for 2 cores shared with the other test assemblies.
    private static readonly Lazy<Task<Run>> JsonRun = new(() => Netctl("demo", "--json"));

    [Fact]
    public async Task Demo_EmbeddedTopology_PrintsTransferPathsProtectionAndACut()
    {
        var run = await Netctl("demo", "--for", "0", "--port", "0", "--base-port", "0", "--sim-control-port", "0");

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
        var run = await JsonRun.Value.WaitAsync(TimeSpan.FromMinutes(5));

        Assert.True(run.ExitCode == 0, run.Err);
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

    [Fact]
    public async Task Demo_Json_SelfCheck_LightpathRestoredAndOverlayFollowsAReflectorLinkCut()
    {
        var run = await JsonRun.Value.WaitAsync(TimeSpan.FromMinutes(5));

        Assert.True(run.ExitCode == 0, run.Err);
        var live = run.Json().GetProperty("live");
        Assert.StartsWith("http://127.0.0.1:", live.GetProperty("url").GetString());
        Assert.StartsWith("demo-operator-", live.GetProperty("operatorToken").GetString());
        var check = live.GetProperty("selfCheck");
        Assert.True(check.GetProperty("becameActive").GetBoolean());
        Assert.True(check.GetProperty("restored").GetBoolean());
        Assert.True(check.GetProperty("released").GetBoolean());
        Assert.Equal("released", check.GetProperty("finalState").GetString());
        Assert.Equal("CHI-GVA-QWEST", check.GetProperty("cutLink").GetString());
        var states = check.GetProperty("states").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains("restoring", states);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, check.GetProperty("error").ValueKind);

        // The reflector overlay: every emulated link measured by the probe agents, a tree link cut, the tree moved off
        // it (how fast is a figure of the demo on a quiet machine, not a bound for a test sharing the CPU).
        var overlay = live.GetProperty("overlayCheck");
        Assert.True(overlay.GetProperty("error").ValueKind == System.Text.Json.JsonValueKind.Null, overlay.GetProperty("error").ToString());
        Assert.Equal(24, overlay.GetProperty("reflectors").GetInt32());
        Assert.InRange(overlay.GetProperty("measuredLinks").GetInt32(), 23, 276);
        Assert.True(overlay.GetProperty("moved").GetBoolean());
        Assert.True(overlay.GetProperty("versionAfter").GetInt64() > overlay.GetProperty("versionBefore").GetInt64());
        Assert.InRange(overlay.GetProperty("movedMs").GetDouble(), 0, 30_000);
    }

    [Fact]
    public async Task Demo_For_ServesThenExits()
    {
        var run = await Netctl("demo", "--for", "0.2", "--port", "0", "--base-port", "0", "--sim-control-port", "0").WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("operator token:", run.Out);
        Assert.Contains("netctl lightpath request --from cern-fdt --to caltech-fdt --wait", run.Out);
        Assert.Contains("serving for 0.2 s", run.Out);
    }
}

using static NetControl.Cli.Tests.CliRunner;

namespace NetControl.Cli.Tests.Commands;

public sealed class PathsCommandTests
{
    private static string Geant => Data("topology-zoo", "Geant2012.graphml");

    private static string Demo => Repo("topology", "uslhcnet.yaml");

    [Fact]
    public async Task Paths_Geant2012ChToUkFourShortest_MatchesReferenceLengths()
    {
        var run = await Netctl("paths", Geant, "--from", "CH", "--to", "UK", "--metric", "km", "--k", "4", "--json");

        Assert.Equal(0, run.ExitCode);
        var paths = run.Json().GetProperty("paths");
        Assert.Equal([778.8, 1085.0, 1186.2, 1634.8], paths.EnumerateArray().Select(p => Math.Round(p.GetProperty("cost").GetDouble(), 1)));
        Assert.Equal(1, paths[0].GetProperty("rank").GetInt32());
        Assert.Equal(2, paths[0].GetProperty("hops").GetInt32());
    }

    [Fact]
    public async Task Paths_Text_ShowsNodesAndLinks()
    {
        var run = await Netctl("paths", Demo, "--from", "cern-fdt", "--to", "caltech-fdt");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("USLHCnet: cern-fdt -> caltech-fdt, minimising latency", run.Out);
        Assert.Contains("1. 58.505 ms", run.Out);
    }

    [Fact]
    public async Task Paths_SrlgDisjointPair_ReturnsWorkingAndBackup()
    {
        var run = await Netctl("paths", Demo, "--from", "GVA-GG", "--to", "CHI-PXC", "--disjoint", "srlg", "--json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal("srlg", json.GetProperty("disjoint").GetString());
        Assert.True(json.GetProperty("provenOptimal").GetBoolean());
        var working = json.GetProperty("working").GetProperty("links").EnumerateArray().Select(l => l.GetProperty("link").GetString()).ToList();
        var backup = json.GetProperty("backup").GetProperty("links").EnumerateArray().Select(l => l.GetProperty("link").GetString()).ToList();
        Assert.Empty(working.Intersect(backup));
        Assert.Equal(["CHI-GVA-QWEST"], working);
    }

    [Fact]
    public async Task Paths_ExcludeSrlg_AvoidsTheCarrier()
    {
        var run = await Netctl("paths", Demo, "--from", "cern-fdt", "--to", "caltech-fdt", "--exclude", "qwest,AMS-GG", "--json");

        Assert.Equal(0, run.ExitCode);
        var links = run.Json().GetProperty("paths")[0].GetProperty("links").EnumerateArray().Select(l => l.GetProperty("link").GetString()).ToList();
        Assert.Equal(["CERN-FDT", "CHI-GVA-GC", "CHI-CIT-I2", "CIT-FDT"], links);
    }

    [Fact]
    public async Task Paths_BlockedByConstraints_Exit3AndSaysWhich()
    {
        var run = await Netctl("paths", Demo, "--from", "cern-fdt", "--to", "caltech-fdt", "--exclude", "link:CHI-CIT-I2");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("netctl: no path from cern-fdt to caltech-fdt: blocked by excluded links: CHI-CIT-I2", run.Err.Trim());
    }

    [Fact]
    public async Task Paths_NoPathJson_PrintsTheFailureShape()
    {
        var run = await Netctl("paths", Demo, "--from", "cern-fdt", "--to", "caltech-fdt", "--max-latency-ms", "10", "--json");

        Assert.Equal(3, run.ExitCode);
        var error = run.Json().GetProperty("error");
        Assert.Equal("blocked", error.GetProperty("kind").GetString());
        Assert.Equal("maximum latency 10 ms", error.GetProperty("blocking")[0].GetString());
    }

    [Theory]
    [InlineData(new[] { "--metric", "furlongs" }, "--metric: 'furlongs' is not one of km, latency, hops")]
    [InlineData(new[] { "--disjoint", "maybe" }, "--disjoint: 'maybe' is not one of link, node, srlg")]
    [InlineData(new[] { "--k", "0" }, "--k must be at least 1, got 0")]
    [InlineData(new[] { "--k", "3", "--disjoint", "link" }, "--k and --disjoint do not combine")]
    [InlineData(new[] { "--exclude", "atlantis" }, "--exclude: 'atlantis' is not a node, link or SRLG of topology 'USLHCnet'")]
    [InlineData(new[] { "--min-capacity", "ten" }, "--min-capacity: 'ten' is not a data rate")]
    [InlineData(new[] { "--max-latency-ms", "-1" }, "--max-latency-ms must be a non-negative number")]
    public async Task Paths_BadArguments_Exit2WithOneLine(string[] extra, string message)
    {
        var run = await Netctl(["paths", Demo, "--from", "cern-fdt", "--to", "caltech-fdt", .. extra]);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Err.Trim().Split('\n'));
        Assert.Contains(message, run.Err);
    }

    [Fact]
    public async Task Paths_UnknownEndpoint_Exit1()
    {
        var run = await Netctl("paths", Demo, "--from", "cern-fdt", "--to", "fermilab");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("netctl: error: no node 'fermilab' in topology 'USLHCnet' (neither an id nor a label)", run.Err.Trim());
    }

    [Fact]
    public async Task Paths_MissingRequiredOption_Exit2()
    {
        var run = await Netctl("paths", Demo, "--from", "cern-fdt");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("netctl: error: Option '--to' is required.", run.Err);
        Assert.Contains("(see 'netctl paths --help')", run.Err);
    }

    [Fact]
    public async Task Netctl_UnknownCommand_Exit2OneLine()
    {
        var run = await Netctl("frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("netctl: error: unknown command 'frobnicate' (see 'netctl --help')", run.Err.Trim());
    }

    [Fact]
    public async Task Netctl_UnknownSubcommand_NamesIt()
    {
        var run = await Netctl("topology", "frobnicate", "x");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("netctl: error: unknown command 'frobnicate' (see 'netctl topology --help')", run.Err.Trim());
    }

    [Fact]
    public async Task Paths_NonNumericK_SaysWhatWasExpected()
    {
        var run = await Netctl("paths", Demo, "--from", "cern-fdt", "--to", "caltech-fdt", "--k", "zz");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("netctl: error: --k: 'zz' is not a whole number (see 'netctl paths --help')", run.Err.Trim());
    }
}

using static NetControl.Cli.Tests.CliRunner;

namespace NetControl.Cli.Tests.Commands;

public sealed class OverlayCommandTests
{
    private const string Square = """
        a,b,rtt_ms
        a,b,10
        b,c,10
        c,d,10
        a,d,12
        a,c,30
        b,d,30
        """;

    [Fact]
    public async Task OverlayTree_CsvEdgeList_PrintsEdgesAndFigures()
    {
        var run = await Netctl("overlay", "tree", "--rtt", TempFile("square.csv", Square));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("total cost 30 ms, max degree 2, hop diameter 3, latency diameter 30 ms", run.Out);
        Assert.Contains("optimal", run.Out);
    }

    [Fact]
    public async Task OverlayTree_HopLimit_ReturnsAShallowerTree()
    {
        var run = await Netctl("overlay", "tree", "--rtt", TempFile("square.csv", Square), "--max-hops", "2", "--json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal(2, json.GetProperty("constraints").GetProperty("maxHops").GetInt32());
        Assert.True(json.GetProperty("tree").GetProperty("hopDiameter").GetInt32() <= 2);
        Assert.Equal(3, json.GetProperty("mst").GetProperty("hopDiameter").GetInt32());
        Assert.Equal(3, json.GetProperty("edges").GetArrayLength());
    }

    [Fact]
    public async Task OverlayTree_PlanetLabWithLimits_MeetsThemAndReportsTheMst()
    {
        var run = await Netctl("overlay", "tree", "--rtt", Data("latency", "planetlab490", "PlanetLabData_1"), "--max-degree", "8", "--max-hops", "10", "--json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal(490, json.GetProperty("hosts").GetInt32());
        Assert.True(json.GetProperty("tree").GetProperty("maxDegree").GetInt32() <= 8);
        Assert.True(json.GetProperty("tree").GetProperty("hopDiameter").GetInt32() <= 10);
        Assert.Equal(3344.6, Math.Round(json.GetProperty("mst").GetProperty("cost").GetDouble(), 1));
        Assert.Equal(61, json.GetProperty("mst").GetProperty("hopDiameter").GetInt32());
        Assert.Equal(489, json.GetProperty("edges").GetArrayLength());
    }

    [Fact]
    public async Task OverlayTree_ImpossibleLimits_Exit3WithReason()
    {
        var run = await Netctl("overlay", "tree", "--rtt", TempFile("square.csv", Square), "--max-degree", "1");

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("netctl: no overlay tree: ", run.Err);
    }

    [Fact]
    public async Task OverlayTree_ImpossibleLimitsJson_PrintsTheErrorObjectWithOnlyTheLimitThatBlocks()
    {
        var run = await Netctl("overlay", "tree", "--rtt", TempFile("square.csv", Square), "--max-degree", "1", "--max-hops", "10", "--json");

        Assert.Equal(3, run.ExitCode);
        var error = run.Json().GetProperty("error");
        Assert.Equal("infeasible", error.GetProperty("kind").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.Equal(["max degree 1"], error.GetProperty("blocking").EnumerateArray().Select(b => b.GetString()));
    }

    [Fact]
    public async Task OverlayTree_DisconnectedJson_PrintsDisconnectedWithNothingBlocking()
    {
        var run = await Netctl("overlay", "tree", "--rtt", TempFile("split.csv", "a,b,1\nc,d,1\n"), "--json");

        Assert.Equal(3, run.ExitCode);
        var error = run.Json().GetProperty("error");
        Assert.Equal("disconnected", error.GetProperty("kind").GetString());
        Assert.Empty(error.GetProperty("blocking").EnumerateArray());
    }

    [Fact]
    public async Task OverlayTree_RttIsADirectory_SaysSo()
    {
        string dir = Path.GetDirectoryName(TempFile("x.csv", Square))!;

        var run = await Netctl("overlay", "tree", "--rtt", dir);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"netctl: error: {dir}: is a directory, not an RTT matrix file", run.Err.Trim());
    }

    [Fact]
    public async Task OverlayTree_NonNumericDegree_SaysWhatWasExpected()
    {
        var run = await Netctl("overlay", "tree", "--rtt", TempFile("square.csv", Square), "--max-degree", "x");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("netctl: error: --max-degree: 'x' is not a whole number (see 'netctl overlay tree --help')", run.Err.Trim());
    }

    [Fact]
    public async Task OverlayTree_BadMatrix_Exit1WithLineAndColumn()
    {
        string path = TempFile("bad.txt", "0 1 2\n1 0 x\n2 3 0\n");

        var run = await Netctl("overlay", "tree", "--rtt", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"netctl: error: {path}:2:5: 'x' is not an RTT in ms", run.Err.Trim());
    }

    [Fact]
    public async Task OverlayTree_BadDegree_Exit2()
    {
        var run = await Netctl("overlay", "tree", "--rtt", TempFile("square.csv", Square), "--max-degree", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--max-degree must be at least 1, got 0", run.Err);
    }
}

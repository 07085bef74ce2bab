using static NetControl.Cli.Tests.CliRunner;

namespace NetControl.Cli.Tests.Commands;

public sealed class TopologyCommandTests
{
    [Fact]
    public async Task Validate_DemoTopology_SummarisesIt()
    {
        var run = await Netctl("topology", "validate", Repo("topology", "uslhcnet.yaml"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("(yaml) 'USLHCnet': 12 nodes (2 host, 5 optical-switch, 5 site), 10 links, 5 SRLGs", run.Out);
        Assert.Contains("connected: yes (5 site nodes only house equipment", run.Out);
    }

    [Theory]
    [InlineData("topology-zoo/Kdl.graphml", "graphml", 754, 899)]
    [InlineData("topology-zoo/Nordu.graphml", "graphml", 33, 45)]
    [InlineData("sndlib/germany50.txt", "sndlib", 50, 88)]
    public async Task Validate_ReferenceFiles_DetectsFormatAndCounts(string file, string format, int nodes, int links)
    {
        var run = await Netctl("topology", "validate", Data(file.Split('/')), "--json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Equal(format, json.GetProperty("format").GetString());
        Assert.Equal(nodes, json.GetProperty("summary").GetProperty("nodes").GetInt32());
        Assert.Equal(links, json.GetProperty("summary").GetProperty("links").GetInt32());
    }

    [Fact]
    public async Task Validate_NorduWithoutCoordinates_WarnsOnStandardError()
    {
        var run = await Netctl("topology", "validate", Data("topology-zoo", "Nordu.graphml"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("netctl: warning: 33 of 33 nodes have no coordinates", run.Err);
    }

    [Fact]
    public async Task Validate_BrokenYaml_ReportsEveryErrorWithLineAndExits1()
    {
        string path = TempFile("broken.yaml", """
            name: broken
            nodes:
              - id: a
              - id: a
            links:
              - { id: l1, a: a, b: nowhere }
            """);

        var run = await Netctl("topology", "validate", path);

        Assert.Equal(1, run.ExitCode);
        var lines = run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.StartsWith($"netctl: error: {path}:", l));
        Assert.Contains(lines, l => l.Contains("duplicate node id 'a'"));
        Assert.Contains(lines, l => l.Contains("unknown node 'nowhere'"));
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task Validate_BrokenYamlJson_ListsErrorsWithLocations()
    {
        string path = TempFile("broken.yaml", "name: x\nnodes:\n  - id: a\n    kind: spaceship\n");

        var run = await Netctl("topology", "validate", path, "--json");

        Assert.Equal(1, run.ExitCode);
        var json = run.Json();
        Assert.False(json.GetProperty("valid").GetBoolean());
        var error = json.GetProperty("errors")[0];
        Assert.Equal(4, error.GetProperty("line").GetInt32());
        Assert.Contains("spaceship", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Validate_BrokenGraphMlJson_NamesTheElementAndReadsAsWritten()
    {
        string path = TempFile("broken.graphml", """
            <?xml version="1.0"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected">
            <node id="a"/>
            <edge source="a" target="z"/>
            </graph></graphml>
            """);

        var run = await Netctl("topology", "validate", path, "--json");

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.Json().GetProperty("errors").EnumerateArray());
        Assert.Equal(4, error.GetProperty("line").GetInt32());
        Assert.Equal("<edge source=\"a\" target=\"z\">", error.GetProperty("element").GetString());
        Assert.Contains("\"message\": \"link 'a-z': unknown node 'z'\"", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingFile_OneLineError()
    {
        var run = await Netctl("topology", "validate", "/nonexistent/net.yaml");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("netctl: error: /nonexistent/net.yaml: no such file", run.Err.Trim());
    }

    [Fact]
    public async Task Show_Json_CarriesNodesPortsLinksAndSrlgs()
    {
        var run = await Netctl("topology", "show", Repo("topology", "uslhcnet.yaml"), "--json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal(12, json.GetProperty("nodes").GetArrayLength());
        var gg = json.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == "GVA-GG");
        Assert.Equal("optical-switch", gg.GetProperty("kind").GetString());
        Assert.Equal(32, gg.GetProperty("ports").GetArrayLength());
        var qwest = json.GetProperty("srlgs").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "qwest");
        Assert.Equal(["CHI-GVA-QWEST", "CHI-NYC-QWEST"], qwest.GetProperty("links").EnumerateArray().Select(l => l.GetString()).Order());
        var link = json.GetProperty("links")[0];
        Assert.Equal(4.5, link.GetProperty("latencyMs").GetDouble(), 9);
        Assert.True(link.GetProperty("latencyDerived").GetBoolean());
    }

    [Fact]
    public async Task Show_Text_PrintsTables()
    {
        var run = await Netctl("topology", "show", Repo("topology", "uslhcnet.yaml"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("GVA-NYC-COLT", run.Out);
        Assert.Contains("latency derived from length at 5 us/km", run.Out);
    }
}

using NetControl.Core.Topology;
using NetControl.Formats.Tests.Support;

namespace NetControl.Formats.Tests.Yaml;

/// <summary>Ports of YAML nodes: single ports, ranges, pairs and limits.</summary>
public class YamlPortTests
{
    private const string File = "net.yaml";

    private static Node LoadNode(string ports) =>
        TopologyFile.Parse($"name: t\nnodes:\n  - id: N\n    ports:\n{ports}", File).GetNode("N");

    [Fact]
    public void Parse_RangeWithFullLastName_ExpandsLikeShortForm()
    {
        var node = LoadNode("      - range: { bidirectional: 1.1a.1-1.1a.3 }\n");
        Assert.Equal(new[] { "1.1a.1", "1.1a.2", "1.1a.3" }, node.Ports.Select(p => p.Name));
    }

    [Fact]
    public void Parse_RangeWithLeadingZero_KeepsWidth()
    {
        var node = LoadNode("      - range: { bidirectional: p08-11 }\n");
        Assert.Equal(new[] { "p08", "p09", "p10", "p11" }, node.Ports.Select(p => p.Name));
    }

    [Fact]
    public void Parse_PairedRange_PairsByPosition()
    {
        var node = LoadNode("      - range: { input: 10005-10006, output: 20001-20002 }\n");
        Assert.Equal(
            new[] { new Port("10005", PortDirection.Input, "20001"), new Port("20001", PortDirection.Output, "10005"), new Port("10006", PortDirection.Input, "20002"), new Port("20002", PortDirection.Output, "10006") },
            node.Ports);
    }

    [Fact]
    public void Parse_LinkOnEitherPortOfAPair_LandsOnThatPort()
    {
        const string text = """
            name: t
            nodes:
              - { id: GG, ports: [{ range: { input: 10001-10002, output: 20001-20002 } }] }
              - { id: B }
              - { id: C }
            links:
              - { id: l1, a: "GG:10001", b: B }
              - { id: l2, a: "GG:20002", b: C }
            """;
        var t = TopologyFile.Parse(text, File);
        Assert.Equal("10001", t.GetLink("l1").A.Port);
        Assert.Equal("20002", t.GetLink("l2").A.Port);
    }

    [Theory]
    [InlineData("{ input: 10001-10016, output: 20001-20015 }", 16, "'input' has 16 ports but 'output' has 15; they pair by position, so the counts must match")]
    [InlineData("{ input: 10001-10016 }", 16, "expected 'bidirectional', or 'input' and 'output' (paired by position)")]
    [InlineData("{ bidirectional: 1-4, input: 11-14 }", 16, "use either 'bidirectional' or 'input' with 'output', not both")]
    [InlineData("{ bidirectional: 1.1a.1 }", 33, "'1.1a.1' is not a port range (expected a first and last port such as 10001-10016 or 1.1a.1-8)")]
    [InlineData("{ bidirectional: a-b }", 33, "'a-b' is not a port range (both ends must be the same name ending in a number of at most 9 digits)")]
    [InlineData("{ bidirectional: 1.1a.8-1 }", 33, "port range '1.1a.8-1' ends before it starts")]
    [InlineData("{ bidirectional: p1-5000 }", 33, "port range 'p1-5000' has 5000 ports, more than the 4096 one range may hold")]
    public void Parse_BadRange_ReportsTheValue(string range, int column, string message)
    {
        string text = $"name: t\nnodes:\n  - id: N\n    ports:\n      - range: {range}\n";
        Expect.Single(text, File, 5, column, "node 'N' port #1 range: " + message);
    }

    [Fact]
    public void Parse_RangeWithUnknownKey_ReportsTheKeyAndWhatIsExpected()
    {
        var errors = Expect.Errors("name: t\nnodes:\n  - id: N\n    ports:\n      - range: { duplex: 1-4 }\n", File);
        Assert.Equal(2, errors.Count);
        Expect.At(errors[0], File, 5, 16, "node 'N' port #1 range: expected 'bidirectional', or 'input' and 'output'");
        Expect.At(errors[1], File, 5, 18, "node 'N' port #1 range: unknown key 'duplex' (allowed: bidirectional, input, output)");
    }

    [Fact]
    public void Parse_RangeItemWithOtherKeys_ReportsAllowedKeys()
    {
        Expect.Single("name: t\nnodes:\n  - id: N\n    ports:\n      - { range: { bidirectional: 1-2 }, name: x }\n", File, 5, 42, "node 'N' port #1: unknown key 'name' (allowed: range)");
    }

    [Theory]
    [InlineData("{ direction: input }", 9, "node 'N' port #1: missing required key 'name'")]
    [InlineData("{ name: p, direction: in }", 31, "node 'N' port 'p': 'direction' must be one of bidirectional, input, output, not 'in'")]
    [InlineData("{ name: p, admin: maybe }", 27, "node 'N' port 'p': 'admin' must be one of up, down, not 'maybe'")]
    [InlineData("{ name: p, speed: 10G }", 20, "node 'N' port 'p': unknown key 'speed' (allowed: name, direction, pair, admin)")]
    [InlineData("eth0", 9, "node 'N' port #1: expected a mapping, not 'eth0'")]
    public void Parse_BadPort_ReportsTheValue(string port, int column, string message)
    {
        Expect.Single($"name: t\nnodes:\n  - id: N\n    ports:\n      - {port}\n", File, 5, column, message);
    }

    [Fact]
    public void Parse_DuplicatePortName_ReportsTheNode()
    {
        Expect.Single("name: t\nnodes:\n  - id: N\n    ports:\n      - range: { bidirectional: p1-3 }\n      - name: p2\n", File, 3, 5, "node 'N': duplicate port 'p2'");
    }

    [Fact]
    public void Parse_SimplexPortWithoutPair_CannotCarryALink()
    {
        const string text = "name: t\nnodes:\n  - { id: N, ports: [{ name: rx, direction: input }] }\n  - { id: M }\nlinks: [{ id: l, a: \"N:rx\", b: M }]\n";
        Expect.Single(text, File, 5, 9, "link 'l': port 'N:rx' is a simplex input with no pair; a link needs a duplex port or an input/output pair");
    }

    [Fact]
    public void Parse_MorePortsThanATopologyMayHold_IsRejected()
    {
        int ranges = (InputLimits.MaxPortsPerTopology / InputLimits.MaxPortsPerRange) + 1;
        string ports = string.Concat(Enumerable.Range(0, ranges).Select(i => $"      - range: {{ bidirectional: r{i}-p1-{InputLimits.MaxPortsPerRange} }}\n"));
        var errors = Expect.Errors($"name: t\nnodes:\n  - id: N\n    ports:\n{ports}", File);
        var error = Assert.Single(errors);
        Assert.Equal(5 + ranges - 1, error.Location.Line);
        Assert.Contains($"more than the {InputLimits.MaxPortsPerTopology} ports a topology may hold", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_ManyNodesWithFullRangesAndLinks_LoadsWithoutQuadraticWork()
    {
        const int nodes = 60;
        var text = new System.Text.StringBuilder("name: big\nnodes:\n");
        for (int n = 0; n < nodes; n++)
        {
            text.Append($"  - {{ id: S{n}, ports: [{{ range: {{ input: 10001-12048, output: 20001-22048 }} }}] }}\n");
        }

        text.Append("links:\n");
        for (int n = 0; n + 1 < nodes; n++)
        {
            for (int p = 0; p < 40; p++)
            {
                text.Append($"  - {{ id: L{n}-{p}, a: \"S{n}:{10001 + p}\", b: \"S{n + 1}:{12048 - p}\" }}\n");
            }
        }

        var t = await Deadline.RunAsync(TimeSpan.FromSeconds(60), "loading 245,760 ports and 2,360 links", () => TopologyFile.Parse(text.ToString(), File));
        Assert.Equal(nodes * 4096, t.Nodes.Sum(n => n.Ports.Length));
        Assert.Equal((nodes - 1) * 40, t.Links.Length);
    }
}

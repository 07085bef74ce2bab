using NetControl.Core.Topology;
using NetControl.Formats.Tests.Support;

namespace NetControl.Formats.Tests.Yaml;

/// <summary>The rest of the YAML format's rules: document shape, references, values, and what is accepted.</summary>
public class YamlValidationTests
{
    private const string File = "net.yaml";

    [Fact]
    public void Parse_WrongFormatVersion_ReportsSupportedVersion()
    {
        Expect.Single("format: netcontrol-topology/2\nname: t\nnodes: [{ id: A }]\n", File, 1, 9, "unsupported format 'netcontrol-topology/2' (this reader reads 'netcontrol-topology/1')");
    }

    [Fact]
    public void Parse_MissingName_ReportsAtTheTopAndKeepsFileName()
    {
        Expect.Single("nodes: [{ id: A }]\n", File, 1, 1, "top level: missing required key 'name'");
    }

    [Fact]
    public void Parse_MissingNodes_ReportsMissing()
    {
        Expect.Single("name: t\n", File, 1, 1, "top level: missing required key 'nodes'");
    }

    [Fact]
    public void Parse_EmptyNodes_ReportsAtLeastOne()
    {
        Expect.Single("name: t\nnodes: []\n", File, 2, 8, "'nodes' must list at least one node");
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void Parse_EmptyDocument_SaysSo(string text)
    {
        var error = Assert.Single(Expect.Errors(text, File));
        Assert.Equal($"{File}: the file holds no YAML document (it is empty or only comments)", error.ToString());
    }

    [Fact]
    public void Parse_TwoDocuments_ReportsTheSecond()
    {
        Expect.Single("name: a\nnodes: [{ id: A }]\n---\nname: b\n", File, 4, 1, "expected one YAML document, found 2");
    }

    [Fact]
    public void Parse_RootIsAList_ReportsExpectedMapping()
    {
        Expect.Single("- name: t\n", File, 1, 1, "top level: expected a mapping, not a list");
    }

    [Fact]
    public void Parse_Alias_IsRejectedAtTheAlias()
    {
        const string text = "name: t\nnodes:\n  - &a { id: A }\n  - *a\n";
        Expect.Single(text, File, 4, 5, "alias '*a' is not supported in topology files");
    }

    [Fact]
    public void Parse_DeepNesting_IsRejectedWithoutRecursing()
    {
        string text = "name: t\nnodes: " + new string('[', 100_000) + new string(']', 100_000) + "\n";
        var error = Assert.Single(Expect.Errors(text, File));
        Assert.Equal(2, error.Location.Line);
        Assert.Equal($"nesting deeper than {InputLimits.MaxYamlDepth} levels", error.Message);
    }

    [Fact]
    public void Parse_NonScalarKey_ReportsKeysMustBeStrings()
    {
        Expect.Single("name: t\nnodes: [{ id: A }]\n? [a]\n: b\n", File, 3, 3, "top level: keys must be plain strings, not a list");
    }

    [Fact]
    public void Parse_NodeItemNotAMapping_ReportsTheItem()
    {
        Expect.Single("name: t\nnodes:\n  - A\n", File, 3, 5, "node #1: expected a mapping, not 'A'");
    }

    [Fact]
    public void Parse_SiteThatIsNotASite_ReportsTheNode()
    {
        const string text = "name: t\nnodes:\n  - { id: R, kind: router }\n  - { id: H, kind: host, site: R }\n  - { id: G, site: nowhere }\n";
        var errors = Expect.Errors(text, File);
        Assert.Equal(2, errors.Count);
        Expect.At(errors[0], File, 4, 5, "node 'H': site 'R' is not a node of kind site");
        Expect.At(errors[1], File, 5, 5, "node 'G': site 'nowhere' is not a node of kind site");
    }

    [Theory]
    [InlineData("{ id: l1, a: A, b: A }", 5, "link 'l1' connects node 'A' to itself")]
    [InlineData("{ id: l1, a: \"A:\", b: B }", 18, "link 'l1': 'a' must be 'node' or 'node:port', not 'A:'")]
    [InlineData("{ id: l1, a: \":p\", b: B }", 18, "link 'l1': 'a' must be 'node' or 'node:port', not ':p'")]
    [InlineData("{ id: l1, a: { node: A, pin: 1 }, b: B }", 29, "link 'l1' a: unknown key 'pin' (allowed: node, port)")]
    [InlineData("{ id: l1, a: { port: 1 }, b: B }", 18, "link 'l1' a: missing required key 'node'")]
    [InlineData("{ id: l1, a: A }", 5, "link 'l1': missing required key 'b'")]
    [InlineData("{ id: l1, a: A, b: B, length-km: -1 }", 38, "link 'l1': 'length-km' must be at least 0, not -1")]
    [InlineData("{ id: l1, a: A, b: B, latency-ms: slow }", 39, "link 'l1': 'latency-ms' must be a number, not 'slow'")]
    [InlineData("{ id: l1, a: A, b: B, latency-ms: .inf }", 39, "link 'l1': 'latency-ms' must be a number, not '.inf'")]
    [InlineData("{ id: l1, a: A, b: B, admin: off }", 34, "link 'l1': 'admin' must be one of up, down, not 'off'")]
    [InlineData("{ id: l1, a: A, b: B, srlgs: [x, x] }", 38, "link 'l1': 'srlgs' lists 'x' twice")]
    [InlineData("{ id: l1, a: A, b: B, label: \"\" }", 34, "link 'l1': 'label' must not be empty")]
    [InlineData("{ a: A, b: B }", 5, "link #1: missing required key 'id'")]
    public void Parse_BadLink_ReportsTheValue(string link, int column, string message)
    {
        string text = $"name: t\nnodes: [{{ id: A }}, {{ id: B }}]\nlinks:\n  - {link}\n";
        Expect.Single(text, File, 4, column, message);
    }

    [Fact]
    public void Parse_DuplicateLinkId_ReportsTheSecondLink()
    {
        const string text = "name: t\nnodes: [{ id: A }, { id: B }]\nlinks:\n  - { id: l, a: A, b: B }\n  - { id: l, a: B, b: A }\n";
        Expect.Single(text, File, 5, 5, "duplicate link id 'l'");
    }

    [Theory]
    [InlineData("{ id: d, from: A, to: Z, value: 1 }", 5, "demand 'd': unknown node 'Z'")]
    [InlineData("{ id: d, from: A, to: B, value: -1 }", 37, "demand 'd': 'value' must be at least 0, not -1")]
    [InlineData("{ id: d, from: A, to: B }", 5, "demand 'd': missing required key 'value'")]
    [InlineData("{ id: d, from: A, to: B, value: 1, max-hops: 0 }", 50, "demand 'd': 'max-hops' must be at least 1, not 0")]
    [InlineData("{ id: d, from: A, to: B, value: 1, max-hops: 2.5 }", 50, "demand 'd': 'max-hops' must be a whole number, not '2.5'")]
    [InlineData("{ id: d, to: B, value: 1 }", 5, "demand 'd': missing required key 'from'")]
    public void Parse_BadDemand_ReportsTheValue(string demand, int column, string message)
    {
        string text = $"name: t\nnodes: [{{ id: A }}, {{ id: B }}]\ndemands:\n  - {demand}\n";
        Expect.Single(text, File, 4, column, message);
    }

    [Fact]
    public void Parse_DuplicateSrlg_ReportsTheSecond()
    {
        Expect.Single("name: t\nsrlgs: [{ id: s }, { id: s }]\nnodes: [{ id: A }]\n", File, 2, 20, "duplicate SRLG 's'");
    }

    [Fact]
    public void Parse_SrlgWithUnknownKey_ReportsAllowedKeys()
    {
        Expect.Single("name: t\nsrlgs: [{ id: s, desc: x }]\nnodes: [{ id: A }]\n", File, 2, 18, "SRLG 's': unknown key 'desc' (allowed: id, description)");
    }

    [Fact]
    public void Parse_SrlgsWithoutSection_AreDeclaredImplicitly()
    {
        var t = TopologyFile.Parse("name: t\nnodes: [{ id: A, srlgs: [b513] }, { id: B }]\nlinks: [{ id: l, a: A, b: B, srlgs: [cable] }]\n", File);
        Assert.Equal(new[] { "cable", "b513" }.Order(), t.Srlgs.Select(s => s.Id).Order());
        Assert.All(t.Srlgs, s => Assert.Null(s.Description));
    }

    [Fact]
    public void Parse_ScalarsWhereStringsExpected_AreTextAsWritten()
    {
        const string text = """
            name: 2024
            nodes:
              - id: 42
                label: true
                ports: [{ name: 10001 }, { name: "10002" }, { name: 1.50 }]
              - id: "7"
            links:
              - { id: 1, a: "42:10001", b: 7 }
            """;
        var t = TopologyFile.Parse(text, File);
        Assert.Equal("2024", t.Name);
        var node = t.GetNode("42");
        Assert.Equal("true", node.Label);
        Assert.Equal(new[] { "10001", "10002", "1.50" }, node.Ports.Select(p => p.Name));
        Assert.Equal(new LinkEndpoint("42", "10001"), t.GetLink("1").A);
    }

    [Fact]
    public void Parse_NullOptionalValues_AreAbsent()
    {
        var t = TopologyFile.Parse("name: t\ndescription:\nattribution: ~\nnodes:\n  - { id: A, label: null, location: ~, ports: ~, srlgs: }\n", File);
        Assert.Null(t.Description);
        Assert.Null(t.Attribution);
        var a = t.GetNode("A");
        Assert.Null(a.Label);
        Assert.Null(a.Location);
        Assert.Empty(a.Ports);
        Assert.Empty(a.Srlgs);
    }

    [Fact]
    public void Parse_QuotedNull_IsAString()
    {
        Assert.Equal("null", TopologyFile.Parse("name: t\nnodes: [{ id: A, label: \"null\" }]\n", File).GetNode("A").Label);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("FALSE", false)]
    public void Parse_Booleans_AcceptTrueAndFalseInAnyCase(string text, bool expected)
    {
        Assert.Equal(expected, TopologyFile.Parse($"name: t\nnodes: [{{ id: A, external: {text} }}]\n", File).GetNode("A").External);
    }

    [Fact]
    public void Parse_KindAndDirectionWords_AreCaseInsensitive()
    {
        var t = TopologyFile.Parse("name: t\nnodes: [{ id: A, kind: Optical-Switch, ports: [{ name: p, direction: BIDIRECTIONAL }] }]\n", File);
        Assert.Equal(NodeKind.OpticalSwitch, t.GetNode("A").Kind);
    }

    [Fact]
    public void Parse_IsolatedNodes_LoadWithoutLinks()
    {
        var t = TopologyFile.Parse("name: islands\nnodes: [{ id: A }, { id: B }]\n", File);
        Assert.Equal(2, t.Nodes.Length);
        Assert.Empty(t.Links);
        Assert.Empty(t.Demands);
        Assert.Empty(t.Srlgs);
    }

    [Fact]
    public void Parse_ControlCharactersInEchoedInput_StayOnOneLine()
    {
        var e = Expect.Failure(() => TopologyFile.Parse("name: t\nnodes: [{ id: \"A\\nB\\tC\" }, { id: B }]\nlinks: [{ id: l, a: \"A\\nB\", b: \"Z\\u0007\" }]\n", File));
        Assert.Equal($"{File}:3:21: link 'l': 'a' names unknown node 'A\\nB' (and 1 more error)", e.Message);
        Assert.Equal("link 'l': 'b' names unknown node 'Z\\u0007'", e.Errors[1].Message);
    }
}

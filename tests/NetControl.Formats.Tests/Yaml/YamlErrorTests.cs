using NetControl.Formats.Tests.Support;

namespace NetControl.Formats.Tests.Yaml;

/// <summary>Each kind of mistake in a YAML topology is reported at its file, line and column, with what is wrong.</summary>
public class YamlErrorTests
{
    private const string File = "net.yaml";

    [Fact]
    public void Parse_UnknownNodeKey_ReportsKeyAndAllowedKeys()
    {
        const string text = """
            name: t
            nodes:
              - id: A
                colour: red
            """;
        Expect.Single(text, File, 4, 5, "node 'A': unknown key 'colour' (allowed: id, kind, label, location, site, vendor, external, srlgs, attributes, ports)");
    }

    [Fact]
    public void Parse_UnknownTopLevelKey_ReportsAllowedKeys()
    {
        const string text = """
            name: t
            nodez: []
            nodes: [{ id: A }]
            """;
        Expect.Single(text, File, 2, 1, "top level: unknown key 'nodez' (allowed: format, name, description, attribution, srlgs, nodes, links, demands)");
    }

    [Theory]
    [InlineData("external: maybe", 15, "'external' must be true or false, not 'maybe'")]
    [InlineData("ports: { name: p }", 12, "'ports' must be a list, not a mapping")]
    [InlineData("label: [a, b]", 12, "'label' must be a string, not a list")]
    [InlineData("attributes: [a]", 17, "'attributes' must be a mapping of names to strings, not a list")]
    [InlineData("attributes: { model: [1] }", 26, "'attributes.model' must be a string, not a list")]
    [InlineData("srlgs: x", 12, "'srlgs' must be a list, not 'x'")]
    [InlineData("kind: switch", 11, "'kind' must be one of site, optical-switch, router, host, reflector, not 'switch'")]
    public void Parse_WrongTypeInNode_ReportsValueAndExpectedType(string line, int column, string message)
    {
        string text = $"name: t\nnodes:\n  - id: A\n    {line}\n";
        Expect.Single(text, File, 4, column, "node 'A': " + message);
    }

    [Fact]
    public void Parse_NodesNotAList_ReportsWrongType()
    {
        Expect.Single("name: t\nnodes: A\n", File, 2, 8, "top level: 'nodes' must be a list, not 'A'");
    }

    [Fact]
    public void Parse_MissingNodeId_ReportsAtTheNode()
    {
        const string text = """
            name: t
            nodes:
              - label: nameless
            """;
        Expect.Single(text, File, 3, 5, "node #1: missing required key 'id'");
    }

    [Fact]
    public void Parse_NullId_ReportsMissingAtTheKey()
    {
        Expect.Single("name: t\nnodes:\n  - id: ~\n", File, 3, 5, "node #1: missing required key 'id'");
    }

    [Fact]
    public void Parse_DuplicateNodeId_ReportsTheSecondNode()
    {
        const string text = """
            name: t
            nodes:
              - id: A
              - id: B
              - id: A
            """;
        Expect.Single(text, File, 5, 5, "duplicate node id 'A'");
    }

    [Fact]
    public void Parse_LinkToUnknownNode_ReportsTheEnd()
    {
        const string text = """
            name: t
            nodes: [{ id: A }]
            links:
              - id: l1
                a: A
                b: Z
            """;
        Expect.Single(text, File, 6, 8, "link 'l1': 'b' names unknown node 'Z'");
    }

    [Fact]
    public void Parse_LinkToUnknownNodeInMapping_ReportsTheEnd()
    {
        const string text = """
            name: t
            nodes: [{ id: A }]
            links:
              - { id: l1, a: A, b: { node: Z, port: "1" } }
            """;
        Expect.Single(text, File, 4, 24, "link 'l1': 'b' names unknown node 'Z'");
    }

    [Fact]
    public void Parse_LinkToUnknownPort_ReportsTheEndAndAKnownPort()
    {
        const string text = """
            name: t
            nodes:
              - { id: A, ports: [{ name: p1 }, { name: p2 }] }
              - { id: B }
            links:
              - id: l1
                a: A:p9
                b: B
            """;
        Expect.Single(text, File, 7, 8, "link 'l1': 'a': node 'A' has no port 'p9' (it has 2 ports, e.g. 'p1')");
    }

    [Fact]
    public void Parse_PortOnNodeWithoutPorts_SaysItDeclaresNone()
    {
        const string text = """
            name: t
            nodes: [{ id: A }, { id: B }]
            links: [{ id: l1, a: "A:1", b: B }]
            """;
        Expect.Single(text, File, 3, 22, "node 'A' has no port '1' (it declares no ports)");
    }

    [Fact]
    public void Parse_PortUsedTwice_ReportsTheSecondLink()
    {
        const string text = """
            name: t
            nodes:
              - { id: A, ports: [{ name: p1 }] }
              - { id: B }
              - { id: C }
            links:
              - { id: l1, a: "A:p1", b: B }
              - { id: l2, a: "A:p1", b: C }
            """;
        Expect.Single(text, File, 8, 5, "link 'l2': port 'A:p1' is already used by link 'l1'");
    }

    [Fact]
    public void Parse_PairUsedThroughItsOtherPort_ReportsPortUsedTwice()
    {
        const string text = """
            name: t
            nodes:
              - id: GG
                ports: [{ range: { input: 10001-10002, output: 20001-20002 } }]
              - { id: B }
              - { id: C }
            links:
              - { id: l1, a: "GG:10001", b: B }
              - { id: l2, a: "GG:20001", b: C }
            """;
        var errors = Expect.Errors(text, File);
        Assert.Equal(2, errors.Count);
        Expect.At(errors[0], File, 9, 5, "link 'l2': port 'GG:20001' is already used by link 'l1'");
        Expect.At(errors[1], File, 9, 5, "link 'l2': port 'GG:10001' is already used by link 'l1'");
    }

    [Fact]
    public void Parse_PairMismatch_ReportsBothPortsAtTheNode()
    {
        const string text = """
            name: t
            nodes:
              - id: GG
                ports:
                  - { name: "10001", direction: input, pair: "20001" }
                  - { name: "20001", direction: output, pair: "10002" }
            """;
        var errors = Expect.Errors(text, File);
        Assert.Equal(2, errors.Count);
        Expect.Contains(errors, File, 3, 5, "node 'GG': port '10001' pairs with '20001', but '20001' does not pair back");
        Expect.Contains(errors, File, 3, 5, "node 'GG': port '20001' pairs with unknown port '10002'");
    }

    [Fact]
    public void Parse_PairOfSameDirection_ReportsDirections()
    {
        const string text = """
            name: t
            nodes:
              - id: GG
                ports:
                  - { name: a, direction: input, pair: b }
                  - { name: b, direction: input, pair: a }
            """;
        var errors = Expect.Errors(text, File);
        Assert.Equal(2, errors.Count);
        Expect.Contains(errors, File, 3, 5, "paired ports 'a' and 'b' must be one input and one output");
    }

    [Fact]
    public void Parse_UndeclaredSrlg_ReportsTheLink()
    {
        const string text = """
            name: t
            srlgs:
              - id: qwest
            nodes: [{ id: A }, { id: B }]
            links:
              - { id: l1, a: A, b: B, srlgs: [qwest, colt] }
            """;
        Expect.Single(text, File, 6, 5, "link 'l1': unknown SRLG 'colt' (declare it under srlgs)");
    }

    [Fact]
    public void Parse_UndeclaredNodeSrlg_ReportsTheNode()
    {
        const string text = """
            name: t
            srlgs: []
            nodes: [{ id: A, srlgs: [b513] }]
            """;
        Expect.Single(text, File, 3, 9, "node 'A': unknown SRLG 'b513' (declare it under srlgs)");
    }

    [Theory]
    [InlineData("fast", "'capacity': 'fast' is not a data rate")]
    [InlineData("10 furlongs", "'capacity': '10 furlongs' has an unknown unit")]
    [InlineData("-1G", "'capacity': '-1G' is not a data rate (it must be finite and non-negative)")]
    [InlineData("[10G]", "'capacity' must be a data rate such as 10G, not a list")]
    public void Parse_BadCapacity_ReportsTheValue(string capacity, string message)
    {
        string text = $"name: t\nnodes: [{{ id: A }}, {{ id: B }}]\nlinks:\n  - id: l1\n    a: A\n    b: B\n    capacity: {capacity}\n";
        Expect.Single(text, File, 7, 15, "link 'l1': " + message);
    }

    [Theory]
    [InlineData("{ lat: 95, lon: 6 }", 22, "node 'A' location: 'lat' 95 is out of range (-90 to 90 degrees)")]
    [InlineData("{ lat: 46, lon: -181 }", 31, "node 'A' location: 'lon' -181 is out of range (-180 to 180 degrees)")]
    [InlineData("{ lat: 46 }", 15, "node 'A' location: missing required key 'lon'")]
    [InlineData("{ lat: north, lon: 6 }", 22, "node 'A' location: 'lat' must be a number, not 'north'")]
    [InlineData("{ lat: 46, lon: 6, alt: 400 }", 34, "node 'A' location: unknown key 'alt' (allowed: lat, lon)")]
    [InlineData("here", 15, "node 'A' location: expected a mapping, not 'here'")]
    public void Parse_BadLocation_ReportsTheValue(string location, int column, string message)
    {
        string text = $"name: t\nnodes:\n  - id: A\n    location: {location}\n";
        Expect.Single(text, File, 4, column, message);
    }

    [Fact]
    public void Parse_SyntaxError_ReportsLineAndColumn()
    {
        const string text = """
            name: t
            nodes: [{ id: A }, { id: B }
            """;
        var error = Expect.Single(text, File, 3, 1, "YAML syntax error:");
        Assert.Contains("did not find expected ',' or ']'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnclosedFlowSequenceBeforeMoreKeys_ReportsTheOpenBracket()
    {
        // YamlDotNet throws InvalidOperationException here (aaubry/YamlDotNet#541); it must still be one located line.
        const string text = """
            name: t
            nodes: [{ id: A }
            links: []
            """;
        Expect.Single(text, File, 2, 8, "YAML syntax error in the value starting here (is a bracket, brace or quote left open?)");
    }

    [Fact]
    public void Parse_BadIndentation_ReportsSyntaxError()
    {
        const string text = "name: t\nnodes:\n  - id: A\n   label: x\n";
        var error = Assert.Single(Expect.Errors(text, File));
        Assert.Equal(File, error.Location.File);
        Assert.Equal(4, error.Location.Line);
        Assert.StartsWith("YAML syntax error:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateKey_ReportsTheSecondKey()
    {
        const string text = """
            name: t
            nodes:
              - id: A
                label: first
                label: second
            """;
        Expect.Single(text, File, 5, 5, "duplicate key 'label'");
    }

    [Fact]
    public void Parse_DuplicateTopLevelKey_ReportsTheSecondKey()
    {
        Expect.Single("name: a\nnodes: [{ id: A }]\nname: b\n", File, 3, 1, "duplicate key 'name'");
    }

    [Fact]
    public void Parse_ManyErrors_ReportsAllInFileOrder()
    {
        const string text = """
            name: t
            nodes:
              - id: A
                kind: switch
              - id: B
                external: maybe
              - id: A
            links:
              - { id: l1, a: A, b: Z, capacity: fast }
            demands:
              - { id: d1, from: A, to: Q, value: 1 }
            """;
        var e = Expect.Failure(() => TopologyFile.Parse(text, File));
        Assert.Equal(
            new[] { (4, "'kind'"), (6, "'external'"), (7, "duplicate node id 'A'"), (9, "unknown node 'Z'"), (9, "'capacity'"), (11, "demand 'd1': unknown node 'Q'") },
            e.Errors.Select(x => (x.Location.Line!.Value, Fragment(x.Message))));
        Assert.StartsWith("net.yaml:4:11: node 'A': 'kind' must be one of", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("(and 5 more errors)", e.Message, StringComparison.Ordinal);

        static string Fragment(string message) =>
            new[] { "'kind'", "'external'", "duplicate node id 'A'", "unknown node 'Z'", "'capacity'", "demand 'd1': unknown node 'Q'" }
                .First(f => message.Contains(f, StringComparison.Ordinal));
    }
}

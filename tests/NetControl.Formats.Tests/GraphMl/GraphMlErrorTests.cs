using NetControl.Formats.Tests.Support;

namespace NetControl.Formats.Tests.GraphMl;

/// <summary>Malformed GraphML is reported at its line and column, never as an XML exception.</summary>
public class GraphMlErrorTests
{
    private const string File = "bad.graphml";

    private static string Doc(string body, string keys = GraphMlText.ZooKeys) => GraphMlText.Document(body, keys);

    [Fact]
    public void Parse_TruncatedXml_ReportsWhereItEnds()
    {
        string text = Doc("<node id=\"a\" />\n<node id=\"b\" />");
        string truncated = text[..text.IndexOf("<node id=\"b\"", StringComparison.Ordinal)] + "<node id=\"b";
        var error = Assert.Single(Expect.Errors(truncated, File));
        Assert.Equal(12, error.Location.Line);
        Assert.StartsWith("XML error: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Line 12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnclosedElements_ReportsXmlError()
    {
        var error = Assert.Single(Expect.Errors("<graphml>\n<graph>\n<node id=\"a\">\n", File));
        Assert.Equal(4, error.Location.Line);
        Assert.Contains("Unexpected end of file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EdgeToUnknownNode_ReportsTheEdge()
    {
        Expect.Single(Doc("<node id=\"a\" />\n<edge source=\"a\" target=\"z\" />"), File, 12, 1, "link 'a-z': unknown node 'z'");
    }

    [Fact]
    public void Parse_EdgeToUnknownNode_NamesTheElementBesideItsLine()
    {
        var error = Assert.Single(Expect.Errors(Doc("<node id=\"a\" />\n<edge id=\"e7\" source=\"a\" target=\"z\" />"), File));
        Assert.Equal("<edge id=\"e7\" source=\"a\" target=\"z\">", error.Location.Element);
        Assert.Equal($"{File}:12:1", error.Location.ToString());
    }

    [Fact]
    public void Parse_SelfLoop_ReportsTheEdge()
    {
        Expect.Single(Doc("<node id=\"a\" />\n  <edge source=\"a\" target=\"a\" />"), File, 12, 3, "link 'a-a' connects node 'a' to itself");
    }

    [Theory]
    [InlineData("<data key=\"d1\">north</data>", 14, "Latitude: 'north' is not a number (its key is declared double)")]
    [InlineData("<data key=\"d3\">1.5</data>", 14, "Internal: '1.5' is not a whole number (its key is declared int)")]
    [InlineData("<data key=\"d99\">1</data>", 14, "data key 'd99' is not declared by a <key> for node")]
    [InlineData("<data key=\"d4\">1</data>", 14, "data key 'd4' is not declared by a <key> for node")]
    [InlineData("<data>1</data>", 14, "<data> has no 'key' attribute")]
    public void Parse_BadNodeData_ReportsTheDataElement(string data, int column, string message)
    {
        Expect.Single(Doc($"<node id=\"a\">{data}</node>"), File, 11, column, message);
    }

    [Fact]
    public void Parse_MalformedLinkSpeedOfStringKey_ReportsTheValue()
    {
        const string keys = "<key attr.name=\"LinkSpeedRaw\" attr.type=\"string\" for=\"edge\" id=\"s\" />";
        Expect.Single(Doc("<node id=\"a\" />\n<node id=\"b\" />\n<edge source=\"a\" target=\"b\"><data key=\"s\">fast</data></edge>", keys), File, 6, 29, "edge 'a-b': LinkSpeedRaw 'fast' is not a finite, non-negative number of bit/s");
    }

    [Fact]
    public void Parse_NegativeLinkSpeed_ReportsTheValue()
    {
        Expect.Single(Doc("<node id=\"a\" />\n<node id=\"b\" />\n<edge source=\"a\" target=\"b\"><data key=\"d4\">-1</data></edge>"), File, 13, 29, "edge 'a-b': LinkSpeedRaw '-1' is not a finite, non-negative number of bit/s");
    }

    [Fact]
    public void Parse_MissingIdsAndEnds_AreAllReported()
    {
        var errors = Expect.Errors(Doc("<node />\n<node id=\"a\" />\n<edge target=\"a\" />\n<edge source=\"a\" />\n<node id=\"a\" />"), File);
        Assert.Equal(4, errors.Count);
        Expect.At(errors[0], File, 11, 1, "<node> has no 'id' attribute");
        Expect.At(errors[1], File, 13, 1, "<edge> has no 'source' attribute");
        Expect.At(errors[2], File, 14, 1, "<edge> has no 'target' attribute");
        Expect.At(errors[3], File, 15, 1, "duplicate node id 'a'");
    }

    [Fact]
    public void Parse_UnsupportedStructures_AreReported()
    {
        var errors = Expect.Errors(Doc("<node id=\"a\"><graph id=\"inner\" /></node>\n<hyperedge><endpoint node=\"a\" /></hyperedge>"), File);
        Assert.Equal(2, errors.Count);
        Expect.At(errors[0], File, 11, 14, "nested graphs are not supported");
        Expect.At(errors[1], File, 12, 1, "hyperedges are not supported");
    }

    [Fact]
    public void Parse_TwoGraphs_ReportsTheSecond()
    {
        string text = "<graphml>\n<graph><node id=\"a\" /></graph>\n<graph />\n</graphml>\n";
        Expect.Single(text, File, 3, 1, "a file may hold only one <graph>");
    }

    [Fact]
    public void Parse_DuplicateDataAndKeys_AreReported()
    {
        const string keys = "<key attr.name=\"label\" for=\"node\" id=\"d0\" />\n<key attr.name=\"label\" for=\"node\" id=\"d0\" />";
        var errors = Expect.Errors(Doc("<node id=\"a\"><data key=\"d0\">x</data><data key=\"d0\">y</data></node>", keys), File);
        Assert.Equal(2, errors.Count);
        Expect.At(errors[0], File, 3, 1, "key 'd0' for 'node' is declared twice");
        Expect.At(errors[1], File, 5, 37, "node has two values for 'label'");
    }

    [Theory]
    [InlineData("<html><body /></html>", 1, 1, "expected a <graphml> document, found <html>")]
    [InlineData("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"></graphml>", null, null, "the document has no <graph>")]
    public void Parse_NotAGraph_SaysWhatWasFound(string text, int? line, int? column, string message)
    {
        var error = Assert.Single(Expect.Errors(text, File));
        Assert.Equal(line, error.Location.Line);
        Assert.Equal(column, error.Location.Column);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Parse_Dtd_IsProhibited()
    {
        const string text = "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [<!ENTITY big \"x\">]>\n<graphml><graph><node id=\"&big;\" /></graph></graphml>\n";
        var error = Assert.Single(Expect.Errors(text, File));
        Assert.Equal($"{File}: XML error: a DTD (<!DOCTYPE ...>) is not accepted in topology files", error.ToString());
        Assert.Equal("XML error: a DTD (<!DOCTYPE ...>) is not accepted in topology files", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml at all")]
    public void Parse_NotXmlWithGraphMlExtension_ReportsXmlError(string text)
    {
        var error = Assert.Single(Expect.Errors(text, File));
        Assert.Equal(File, error.Location.File);
        Assert.StartsWith("XML error: ", error.Message, StringComparison.Ordinal);
    }
}

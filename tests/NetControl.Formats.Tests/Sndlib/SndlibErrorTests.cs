using NetControl.Formats.Tests.Support;

namespace NetControl.Formats.Tests.Sndlib;

/// <summary>Malformed SNDlib text is reported at its line and column.</summary>
public class SndlibErrorTests
{
    private const string File = "bad.txt";

    private static IReadOnlyList<NetControl.Core.Topology.TopologyError> Errors(string text) => Expect.Errors(text, File, TopologyFormat.Sndlib);

    [Theory]
    [InlineData(11, "  L1 ( A B ) 0 0 1.5x 2 ( 10 100 )", 18, "link 'L1' routing cost: '1.5x' is not a number")]
    [InlineData(11, "  L1 ( A B ) -1 0 0 0 ( 10 100 )", 14, "link 'L1' pre-installed capacity: -1 must not be negative")]
    [InlineData(11, "  L1 ( A B ) 0 0 0 0 ( 10 100 -40 300 )", 31, "link 'L1' module capacity: -40 must not be negative")]
    [InlineData(11, "  L1 ( A B ) 0 0 0 0 ( 10 NaN )", 27, "link 'L1' module cost: 'NaN' is not a number")]
    [InlineData(6, "  A ( east 46.20 )", 7, "node 'A' longitude: 'east' is not a number")]
    [InlineData(15, "  D1 ( A C ) 1 lots 3", 16, "demand 'D1' value: 'lots' is not a number")]
    [InlineData(15, "  D1 ( A C ) 1 12.5 many", 21, "demand 'D1': maximum path length 'many' is neither a number of hops nor UNLIMITED")]
    [InlineData(3, "  unit GBITPERSEC", null, "META: expected 'name = value', found 'unit GBITPERSEC'")]
    public void Parse_BadValue_ReportsLineAndColumn(int line, string replacement, int? column, string message)
    {
        var errors = Errors(SndlibText.WithLine(line, replacement));
        Expect.At(errors[0], File, line, column, message);
    }

    [Fact]
    public void Parse_SeveralBadNumbers_AreAllReported()
    {
        string text = SndlibText.WithLine(6, "  A ( x 46.20 )").Replace("  L2 ( B C ) 2.5 0 0 0 ( )", "  L2 ( B C ) y 0 0 0 ( )", StringComparison.Ordinal);
        var errors = Errors(text);
        Assert.Equal(2, errors.Count);
        Expect.At(errors[0], File, 6, 7, "'x' is not a number");
        Expect.At(errors[1], File, 12, 14, "'y' is not a number");
    }

    [Fact]
    public void Parse_LinkToUnknownNode_ReportsTheLink()
    {
        Expect.Single(SndlibText.WithLine(12, "  L2 ( B Z ) 2.5 0 0 0 ( )"), File, 12, 3, "link 'L2': unknown node 'Z'", TopologyFormat.Sndlib);
    }

    [Fact]
    public void Parse_DuplicateNode_ReportsTheSecond()
    {
        Expect.Single(SndlibText.WithLine(8, "  C\n  A"), File, 9, 3, "duplicate node id 'A'", TopologyFormat.Sndlib);
    }

    [Theory]
    [InlineData("NODES", "LINKS")]
    [InlineData("LINKS", "NODES")]
    public void Parse_MissingSection_SaysWhichOne(string kept, string missing)
    {
        string text = kept == "NODES" ? "NODES (\n  A ( 0 0 )\n)\n" : "?SNDlib native format; type: network; version: 1.0\nLINKS (\n)\n";
        var error = Assert.Single(Errors(text));
        Assert.Equal($"{File}: the file has no {missing} section", error.ToString());
    }

    [Theory]
    [InlineData(11, "  L1 ( A B 0 0 1.5 2 ( 10 100 )", 12, "expected ')' after the end nodes of link 'L1', found '0'")]
    [InlineData(11, "  L1 ( A B ) 0 0 1.5 2 ( 10 )", 29, "expected link 'L1' module cost, found ')'")]
    [InlineData(11, "  L1 ( A B ) 0 0 1.5 2 10 100", 24, "expected '(' opening the modules of link 'L1', found '10'")]
    [InlineData(6, "  A ( 6.14 )", 12, "expected node 'A' latitude, found ')'")]
    [InlineData(5, "NODE (", 1, "expected a section name (META, NODES, LINKS, DEMANDS, ADMISSIBLE_PATHS), found 'NODE'")]
    [InlineData(5, "NODES", 3, "expected '(' after NODES, found 'A'")]
    [InlineData(14, "LINKS (", 1, "section LINKS appears twice (first on line 10)")]
    [InlineData(1, "?XML version 1", 1, "expected an '?SNDlib' header line, found '?XML version 1'")]
    [InlineData(1, "?SNDlib native format; type: solution; version: 1.0", 24, "this is an SNDlib 'solution' file, not a network")]
    public void Parse_BrokenStructure_StopsAtTheToken(int line, string replacement, int column, string message)
    {
        var errors = Errors(SndlibText.WithLine(line, replacement));
        var error = errors[^1];
        int expectedLine = replacement == "NODES" ? line + 1 : line;
        Expect.At(error, File, expectedLine, column, message);
    }

    [Theory]
    [InlineData("LINKS (\n  L1 ( A B ) 0 0 0 0 ( 1 1 )\n", 3, 1, "the file ends inside the LINKS section opened on line 1")]
    [InlineData("META (\n  unit = X\n", 1, 1, "the file ends inside the META section opened on line 1")]
    [InlineData("NODES (\n  A ( 1 2 )\n)\nADMISSIBLE_PATHS (\n  D1 ( P1 ( L1 )\n", 6, 1, "the file ends inside the ADMISSIBLE_PATHS section opened on line 4")]
    [InlineData("NODES (\n  A ( 1", 2, 8, "expected node 'A' latitude, found the end of the file")]
    public void Parse_Truncated_ReportsWhereItEnds(string text, int line, int column, string message)
    {
        var errors = Errors(text);
        Expect.At(errors[^1], File, line, column, message);
    }

    [Fact]
    public void Parse_TextAfterMetaClose_IsAnError()
    {
        var errors = Errors(SndlibText.WithLine(4, ") NODES"));
        Expect.At(errors[^1], File, 4, null, "unexpected 'NODES' after the ')' closing META");
    }
}

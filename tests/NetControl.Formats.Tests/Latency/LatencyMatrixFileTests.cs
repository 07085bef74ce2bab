using NetControl.Formats.Latency;
using NetControl.Formats.Tests.Support;

namespace NetControl.Formats.Tests.Latency;

public class LatencyMatrixFileTests
{
    private const string File = "rtt.txt";

    private static LatencyMatrixException Failure(string text) => Assert.Throws<LatencyMatrixException>(() => LatencyMatrixFile.Parse(text, File));

    [Fact]
    public void Load_PlanetLabData1_Is490By490AndSymmetric()
    {
        var m = LatencyMatrixFile.Load(Path.Combine(TestPaths.PlanetLab, "PlanetLabData_1"));
        Assert.Equal(490, m.Count);
        Assert.Equal(0, m.AsymmetricPairs());
        Assert.Equal("0", m.Names[0]);
        Assert.Equal("489", m.Names[489]);
        Assert.Equal(0.175, m[0, 1]);
        Assert.Equal(121.42, m[0, 3]);
        Assert.All(Enumerable.Range(0, 490), i => Assert.Equal(0, m[i, i]));
        Assert.Equal(2984.1, Enumerable.Range(0, 490).SelectMany(i => Enumerable.Range(0, 490).Select(j => m[i, j])).Max());
    }

    [Fact]
    public void Parse_SquareMatrixWithMissingValues_GivesNaN()
    {
        var m = LatencyMatrixFile.Parse("# rtt in ms\n0 1.5 -\n1.5 0 NaN\n- nan 0\n", File);
        Assert.Equal(3, m.Count);
        Assert.Equal(1.5, m[0, 1]);
        Assert.True(double.IsNaN(m[0, 2]));
        Assert.True(double.IsNaN(m[1, 2]));
        Assert.True(double.IsNaN(m.Undirected(0, 2)));
        Assert.Equal(0, m.AsymmetricPairs());
    }

    [Fact]
    public void Parse_SquareMatrixWithNaNDiagonal_SetsZero()
    {
        Assert.Equal(0, LatencyMatrixFile.Parse("- 2\n2 -\n", File)[1, 1]);
    }

    [Fact]
    public void Parse_EdgeListWithHeader_IsSymmetricAndSparse()
    {
        var m = LatencyMatrixFile.Parse("a,b,rtt_ms\n# comment\ngva, nyc, 88.5\nnyc,chi,20 # same day, later\ngva,chi,-\n", File);
        Assert.Equal(new[] { "gva", "nyc", "chi" }, m.Names);
        Assert.Equal(88.5, m[m.IndexOf("nyc"), m.IndexOf("gva")]);
        Assert.Equal(20, m[m.IndexOf("chi"), m.IndexOf("nyc")]);
        Assert.True(double.IsNaN(m[m.IndexOf("gva"), m.IndexOf("chi")]));
    }

    [Fact]
    public void Parse_EdgeListWithoutHeader_UnlistedPairsAreUnmeasured()
    {
        var m = LatencyMatrixFile.Parse("h1,h2,1\nh3,h4,2\n", File);
        Assert.Equal(4, m.Count);
        Assert.Equal(1, m[0, 1]);
        Assert.True(double.IsNaN(m[0, 2]));
    }

    [Fact]
    public void Parse_NonSquareRows_ReportsTheRow()
    {
        var e = Failure("0 1 2\n1 0\n");
        Assert.Equal($"{File}:2: row 1 has 2 values, the first row has 3: a square matrix needs the same count on every row", e.Message);
    }

    [Fact]
    public void Parse_FewerRowsThanColumns_ReportsNotSquare()
    {
        Assert.Equal($"{File}: 2 rows but 3 columns: the matrix is not square", Failure("0 1 2\n1 0 2\n").Message);
        Assert.Equal($"{File}:3: more than 2 rows: the matrix is not square (2 columns)", Failure("0 1\n1 0\n2 2\n").Message);
    }

    [Fact]
    public void Parse_BadNumber_ReportsLineAndColumn()
    {
        var e = Failure("0\t1\t2\n1\t0\tx2\n2\t1\t0\n");
        Assert.Equal($"{File}:2:5: 'x2' is not an RTT in ms", e.Message);
        Assert.Equal(2, e.Location.Line);
        Assert.Equal(5, e.Location.Column);
        Assert.Equal("'x2' is not an RTT in ms", e.Problem);
    }

    [Fact]
    public void Parse_NegativeValue_IsRejected()
    {
        Assert.Equal($"{File}:1:3: RTT -1 ms is negative (use '-' or NaN for an unmeasured pair)", Failure("0 -1\n1 0\n").Message);
        Assert.Equal($"{File}:1:8: RTT -3 ms is negative (use '-' or NaN for an unmeasured pair)", Failure("a, b,  -3\n").Message);
    }

    [Fact]
    public void Parse_NonZeroDiagonal_ReportsTheCell()
    {
        Assert.Equal($"{File}:2:3: diagonal value [1,1] is 4, expected 0", Failure("0 1\n1 4\n").Message);
    }

    [Fact]
    public void Parse_EdgeListDuplicatePair_ReportsBothLines()
    {
        Assert.Equal($"{File}:3: pair b,a is already given on line 1", Failure("a,b,1\nb,c,2\nb,a,3\n").Message);
    }

    [Fact]
    public void Parse_EdgeListCommentWithComma_DoesNotShiftTheColumn()
    {
        Assert.Equal($"{File}:2:5: 'x' is not an RTT in ms", Failure("a,b,rtt\na,b,x # a, comment\n").Message);
    }

    [Theory]
    [InlineData("a,b\n", ":1: expected 3 fields 'a,b,rtt_ms', found 2")]
    [InlineData("a,a,1\n", ":1: RTT from host 'a' to itself")]
    [InlineData("a,,1\n", ":1: empty host name")]
    [InlineData("a,b,rtt\n", ": an edge list needs at least one pair of hosts")]
    [InlineData("# nothing\n\n", ": the file holds no RTT values")]
    public void Parse_BadEdgeList_SaysWhy(string text, string message)
    {
        Assert.Equal(File + message, Failure(text).Message);
    }

    [Fact]
    public void Parse_ByteOrderMark_IsIgnored()
    {
        Assert.Equal(2, LatencyMatrixFile.Parse("\uFEFF0 1\n1 0\n", File).Count);
    }

    [Fact]
    public void Load_MissingFile_IsOneLine()
    {
        var e = Assert.Throws<LatencyMatrixException>(() => LatencyMatrixFile.Load("/nonexistent/rtt.txt"));
        Assert.Equal("/nonexistent/rtt.txt: no such file", e.Message);
    }
}

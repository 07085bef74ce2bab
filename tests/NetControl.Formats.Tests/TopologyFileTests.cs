using System.Text;
using NetControl.Formats.Tests.Support;

namespace NetControl.Formats.Tests;

public class TopologyFileTests
{
    private const string MinimalYaml = "name: t\nnodes: [{ id: A }]\n";

    [Fact]
    public void Load_MissingFile_IsOneLineNoSuchFile()
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "netcontrol-no-such-dir", "missing.yaml");
        var e = Expect.Failure(() => TopologyFile.Load(path));
        Assert.Equal($"{path}: no such file", e.Message);
    }

    [Fact]
    public void Load_Directory_SaysItIsADirectory()
    {
        using var file = new TempFile("x.yaml", MinimalYaml);
        var e = Expect.Failure(() => TopologyFile.Load(file.Directory));
        Assert.Equal($"{file.Directory}: is a directory, not a topology file", e.Message);
    }

    [Fact]
    public void Load_FileLargerThanTheCap_IsRefusedBeforeReading()
    {
        using var file = new TempFile("huge.yaml", MinimalYaml);
        using (var stream = File.OpenWrite(file.Path))
        {
            stream.SetLength(InputLimits.MaxTopologyBytes + 1L);
        }

        var e = Expect.Failure(() => TopologyFile.Load(file.Path));
        Assert.Equal($"{file.Path}: is larger than the 64 MiB accepted for a topology file", e.Message);
    }

    [Fact]
    public void Parse_TextLargerThanTheCap_IsRefused()
    {
        var e = Expect.Failure(() => TopologyFile.Parse(new string(' ', InputLimits.MaxTopologyBytes + 1), "big.yaml"));
        Assert.Equal("big.yaml: is larger than the 64 MiB accepted for a topology file", e.Message);
    }

    [Fact]
    public void Load_InvalidUtf8_SaysWhere()
    {
        using var file = new TempFile("bad.yaml", [.. Encoding.UTF8.GetBytes("name: t"), 0xC3, 0x28, (byte)'\n']);
        var e = Expect.Failure(() => TopologyFile.Load(file.Path));
        Assert.Equal($"{file.Path}: is not UTF-8 text (near byte 7)", e.Message);
    }

    [Fact]
    public void Load_InvalidUtf8FarIntoTheFile_GivesTheFileOffset()
    {
        byte[] text = Encoding.UTF8.GetBytes("name: t\n" + new string('#', 10_000) + "\n");
        using var file = new TempFile("late.yaml", [0xEF, 0xBB, 0xBF, .. text, 0xFF]);
        Assert.Equal($"{file.Path}: is not UTF-8 text (near byte {3 + text.Length})", Expect.Failure(() => TopologyFile.Load(file.Path)).Message);
    }

    [Fact]
    public void Load_Utf16WithByteOrderMark_Loads()
    {
        using var file = new TempFile("wide.yaml", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(MinimalYaml)]);
        Assert.Equal("t", TopologyFile.Load(file.Path).Name);
    }

    [Fact]
    public void Load_YamlWithByteOrderMark_Loads()
    {
        using var file = new TempFile("bom.yaml", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(MinimalYaml)]);
        var t = TopologyFile.Load(file.Path);
        Assert.Equal("t", t.Name);
        Assert.Equal(file.Path, t.SourceFile);
    }

    [Fact]
    public void Parse_TextWithByteOrderMark_Loads()
    {
        Assert.Equal("A", TopologyFile.Parse("\uFEFF" + MinimalYaml).Nodes[0].Id);
    }

    [Fact]
    public void Load_GraphMlInLatin1_HonoursTheEncodingDeclaration()
    {
        string xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n" +
                     "<key attr.name=\"label\" attr.type=\"string\" for=\"node\" id=\"d0\" />\n<graph edgedefault=\"undirected\">\n" +
                     "<node id=\"0\"><data key=\"d0\">Z\u00fcrich</data></node>\n</graph>\n</graphml>\n";
        using var file = new TempFile("latin1.graphml", Encoding.Latin1.GetBytes(xml));
        var t = TopologyFile.Load(file.Path);
        Assert.Equal("Z\u00fcrich", t.GetNode("0").Label);
        Assert.Equal("graphml", t.SourceFormat);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><graphml/>", "x.yaml", TopologyFormat.GraphMl)]
    [InlineData("  \n <graphml>", null, TopologyFormat.GraphMl)]
    [InlineData("?SNDlib native format; type: network; version: 1.0\n", "x.yaml", TopologyFormat.Sndlib)]
    [InlineData("# network\nNODES (\n)\n", null, TopologyFormat.Sndlib)]
    [InlineData("LINKS(\n)\n", null, TopologyFormat.Sndlib)]
    [InlineData("name: t\n", "x.graphml", TopologyFormat.GraphMl)]
    [InlineData("name: t\n", "x.XML", TopologyFormat.GraphMl)]
    [InlineData("name: t\n", "x.sndlib", TopologyFormat.Sndlib)]
    [InlineData("name: t\n", "x.yml", TopologyFormat.Yaml)]
    [InlineData("name: t\n", "x.txt", TopologyFormat.Yaml)]
    [InlineData("name: t\nnodes: []  # NODES ( in a comment is not a section\n", null, TopologyFormat.Yaml)]
    [InlineData("", null, TopologyFormat.Yaml)]
    public void DetectFormat_ContentFirstThenExtension(string text, string? file, TopologyFormat expected)
    {
        Assert.Equal(expected, TopologyFile.DetectFormat(text, file));
    }

    [Fact]
    public void Parse_ExplicitFormat_OverridesDetection()
    {
        var e = Expect.Failure(() => TopologyFile.Parse(MinimalYaml, "t.yaml", TopologyFormat.Sndlib));
        Assert.Equal("t.yaml:1:1: expected a section name (META, NODES, LINKS, DEMANDS, ADMISSIBLE_PATHS), found 'name:'", e.Message);
    }

    [Fact]
    public void Load_ExplicitGraphMlFormat_ReadsBytes()
    {
        using var file = new TempFile("net.data", "<graphml><graph><node id=\"a\" /></graph></graphml>");
        Assert.Equal("a", TopologyFile.Load(file.Path, TopologyFormat.GraphMl).Nodes[0].Id);
        Assert.Equal("net", TopologyFile.Load(file.Path).Name);
    }

    [Fact]
    public void Load_AndParse_GiveTheSameTopology()
    {
        string path = TestPaths.Fixture("full-example.yaml");
        var loaded = TopologyFile.Load(path);
        var parsed = TopologyFile.Parse(File.ReadAllText(path), path);
        Assert.Equal(loaded.ToString(), parsed.ToString());
        Assert.Equal(loaded.Links.Select(l => (l.Id, l.A, l.B, l.Capacity, l.LengthKm)), parsed.Links.Select(l => (l.Id, l.A, l.B, l.Capacity, l.LengthKm)));
    }

    [Fact]
    public void Parse_NullArguments_AreProgrammingErrors()
    {
        Assert.Throws<ArgumentNullException>(() => TopologyFile.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => TopologyFile.Load(null!));
        Assert.Throws<ArgumentNullException>(() => TopologyFile.DetectFormat(null!));
    }
}

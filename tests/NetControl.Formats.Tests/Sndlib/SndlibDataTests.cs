using NetControl.Core.Topology;
using NetControl.Core.Units;
using NetControl.Formats.Tests.Support;

namespace NetControl.Formats.Tests.Sndlib;

/// <summary>Every SNDlib instance of the reference data loads with exact counts and the right mapping.</summary>
public class SndlibDataTests
{
    /// <summary>File, nodes, links, demands, links with a capacity (only files with a data-rate unit have them).</summary>
    public static TheoryData<string, int, int, int, int> Files => new()
    {
        { "abilene.txt", 12, 15, 132, 15 },
        { "geant.txt", 22, 36, 462, 36 },
        { "germany50.txt", 50, 88, 662, 0 },
        { "janos-us.txt", 26, 84, 650, 0 },
        { "nobel-eu.txt", 28, 41, 378, 0 },
    };

    [Fact]
    public void Files_CoverEverySndlibFileOfTheReferenceData()
    {
        var listed = Files.Select(row => (string)row[0]).Order(StringComparer.Ordinal);
        var present = Directory.GetFiles(TestPaths.Sndlib).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(present, listed);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Load_SndlibFile_ExactCounts(string file, int nodes, int links, int demands, int withCapacity)
    {
        string path = Path.Combine(TestPaths.Sndlib, file);
        var t = TopologyFile.Load(path);
        Assert.Equal(TopologyFormat.Sndlib, TopologyFile.DetectFormat(File.ReadAllText(path)));
        Assert.Equal(nodes, t.Nodes.Length);
        Assert.Equal(links, t.Links.Length);
        Assert.Equal(demands, t.Demands.Length);
        Assert.Equal(withCapacity, t.Links.Count(l => l.Capacity is not null));
        Assert.Equal("sndlib", t.SourceFormat);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), t.Name);
        Assert.Equal(DataAttribution.Sndlib, t.Attribution);
        Assert.All(t.Nodes, n => Assert.NotNull(n.Location));
        Assert.All(t.Links, l => Assert.NotNull(l.LengthKm));
        Assert.All(t.Links, l => Assert.True(l.Attributes.ContainsKey("capacity")));
        Assert.All(t.Demands, d => Assert.Null(d.MaxPathLength));
    }

    [Fact]
    public void Load_Abilene_MegabitCapacitiesAndLongitudeFirst()
    {
        var t = TopologyFile.Load(Path.Combine(TestPaths.Sndlib, "abilene.txt"));
        Assert.StartsWith("Yin Zhang", t.Description, StringComparison.Ordinal);
        Assert.Equal(new GeoCoordinate(33.75, -84.3833), t.GetNode("ATLAM5").Location);

        var link = t.GetLink("ATLAM5_ATLAng");
        Assert.Equal(new LinkEndpoint("ATLAng"), link.A);
        Assert.Equal(new LinkEndpoint("ATLAM5"), link.B);
        Assert.Equal(DataRate.FromMbps(9920), link.Capacity);
        Assert.Equal("9920.00", link.Attributes["capacity"]);
        Assert.Equal("MBITPERSEC", link.Attributes["capacity-unit"]);
        Assert.Equal("40000.00/133.00", link.Attributes["modules"]);
        Assert.Equal("0.00", link.Attributes["routing-cost"]);
        Assert.Equal("0.00", link.Attributes["setup-cost"]);
        Assert.Equal(new GeoCoordinate(34.50, -85.50).DistanceKmTo(new GeoCoordinate(33.75, -84.3833)), link.LengthKm);

        Assert.Equal(new Demand("IPLSng_STTLng", "IPLSng", "STTLng", 3580), t.Demands[0]);
    }

    [Fact]
    public void Load_Germany50_NoUnitKeepsRawModuleCapacity()
    {
        var t = TopologyFile.Load(Path.Combine(TestPaths.Sndlib, "germany50.txt"));
        var link = t.GetLink("L1");
        Assert.Null(link.Capacity);
        Assert.Equal("40.00", link.Attributes["capacity"]);
        Assert.Equal("0.00", link.Attributes["pre-installed-capacity"]);
        Assert.False(link.Attributes.ContainsKey("capacity-unit"));
        Assert.Null(t.Description);
        Assert.Equal(new Demand("Essen_Duesseldorf", "Essen", "Duesseldorf", 34), t.Demands[0]);
    }

    [Fact]
    public void Load_NobelEu_LargestModuleIsTheCapacity()
    {
        var t = TopologyFile.Load(Path.Combine(TestPaths.Sndlib, "nobel-eu.txt"));
        var link = t.GetLink("L1");
        Assert.Equal("800.00", link.Attributes["capacity"]);
        Assert.Equal(40, link.Attributes["modules"].Split(' ').Length);
        Assert.StartsWith("20.00/3580.00 40.00/4580.00", link.Attributes["modules"], StringComparison.Ordinal);
    }

    [Fact]
    public void Load_JanosUs_ParallelLinksBetweenTheSameCities()
    {
        var t = TopologyFile.Load(Path.Combine(TestPaths.Sndlib, "janos-us.txt"));
        Assert.Equal(new[] { "L0", "L5" }, t.Links.Where(l => l.Connects("Seattle", "SanFrancisco")).Select(l => l.Id));
        Assert.Equal(new LinkEndpoint("SanFrancisco"), t.GetLink("L5").A);
    }
}

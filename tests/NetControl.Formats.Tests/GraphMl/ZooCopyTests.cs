using NetControl.Formats.Tests.Support;

namespace NetControl.Formats.Tests.GraphMl;

/// <summary>The Topology Zoo files copied into topology/zoo are unmodified, attributed and load.</summary>
public class ZooCopyTests
{
    private static string ZooFolder => Path.Combine(TestPaths.Repository, "topology", "zoo");

    [Theory]
    [InlineData("Geant2012.graphml", 40, 61)]
    [InlineData("Abilene.graphml", 11, 14)]
    [InlineData("Kdl.graphml", 754, 899)]
    public void Load_CopiedZooFile_LoadsWithItsCounts(string file, int nodes, int links)
    {
        var t = TopologyFile.Load(Path.Combine(ZooFolder, file));
        Assert.Equal(nodes, t.Nodes.Length);
        Assert.Equal(links, t.Links.Length);
        Assert.Equal(DataAttribution.TopologyZoo, t.Attribution);
    }

    [Fact]
    public void ZooFolder_HoldsUnmodifiedCopiesAndTheirAttribution()
    {
        var copies = Directory.GetFiles(ZooFolder, "*.graphml").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "Abilene.graphml", "Geant2012.graphml", "Kdl.graphml" }, copies);
        foreach (string file in copies.OfType<string>())
        {
            Assert.True(File.ReadAllBytes(TestPaths.Zoo(file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(ZooFolder, file))), $"{file} differs from the Topology Zoo original");
        }

        string attribution = File.ReadAllText(Path.Combine(ZooFolder, "ATTRIBUTION.md"));
        Assert.Contains("CC BY 4.0", attribution, StringComparison.Ordinal);
        Assert.Contains("\"The Internet Topology Zoo\"", attribution, StringComparison.Ordinal);
        Assert.Contains("doi 10.1109/JSAC.2011.111002", attribution, StringComparison.Ordinal);
    }
}

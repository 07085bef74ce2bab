using NetControl.Tests.Shared;

namespace NetControl.Formats.Tests.Support;

/// <summary>Paths to the repository, the shared reference data and this project's fixtures.</summary>
public static class TestPaths
{
    public static string SharedData => SharedDataPath.Root;

    public static string Repository => SharedDataPath.RepositoryRoot();

    public static string TopologyZoo => Path.Combine(SharedData, "topology-zoo");

    public static string Sndlib => Path.Combine(SharedData, "sndlib");

    public static string PlanetLab => Path.Combine(SharedData, "latency", "planetlab490");

    public static string Zoo(string name) => Path.Combine(TopologyZoo, name);

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}

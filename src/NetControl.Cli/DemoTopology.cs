using NetControl.Core.Topology;
using NetControl.Formats;

namespace NetControl.Cli;

/// <summary>The embedded demo network (topology/uslhcnet.yaml), so <c>netctl demo</c> needs no files.</summary>
internal static class DemoTopology
{
    public const string ResourceName = "NetControl.Cli.uslhcnet.yaml";

    public static NetworkTopology Load()
    {
        using var stream = typeof(DemoTopology).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        return TopologyFile.Parse(reader.ReadToEnd(), "uslhcnet.yaml (embedded)");
    }
}

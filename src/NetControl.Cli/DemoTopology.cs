using NetControl.Core.Topology;
using NetControl.Formats;

namespace NetControl.Cli;

/// <summary>
/// The embedded demo networks, so <c>netctl demo</c> needs no files: the optical network (topology/uslhcnet.yaml) and
/// the EVO reflector overlay (topology/evo-reflectors.yaml).
/// </summary>
internal static class DemoTopology
{
    public const string ResourceName = "NetControl.Cli.uslhcnet.yaml";

    public const string ReflectorsResourceName = "NetControl.Cli.evo-reflectors.yaml";

    public static NetworkTopology Load() => Embedded(ResourceName, "uslhcnet.yaml (embedded)");

    public static NetworkTopology LoadReflectors() => Embedded(ReflectorsResourceName, "evo-reflectors.yaml (embedded)");

    private static NetworkTopology Embedded(string resource, string name)
    {
        using var stream = typeof(DemoTopology).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing from the build");
        using var reader = new StreamReader(stream);
        return TopologyFile.Parse(reader.ReadToEnd(), name);
    }
}

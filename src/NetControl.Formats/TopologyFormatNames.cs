namespace NetControl.Formats;

/// <summary>
/// The spelling of <see cref="TopologyFormat"/> in files, the CLI and <see cref="Core.Topology.NetworkTopology.SourceFormat"/>.
/// </summary>
public static class TopologyFormatNames
{
    private static readonly (TopologyFormat Format, string Name)[] Names =
    [
        (TopologyFormat.Yaml, "yaml"),
        (TopologyFormat.GraphMl, "graphml"),
        (TopologyFormat.Sndlib, "sndlib"),
    ];

    /// <summary>All accepted names, for error messages.</summary>
    public static string Accepted { get; } = string.Join(", ", Names.Select(n => n.Name));

    public static string ToName(this TopologyFormat format) => Names.First(n => n.Format == format).Name;

    public static bool TryParse(string? text, out TopologyFormat format)
    {
        foreach (var (f, name) in Names)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                format = f;
                return true;
            }
        }

        format = default;
        return false;
    }
}

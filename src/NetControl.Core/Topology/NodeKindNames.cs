namespace NetControl.Core.Topology;

/// <summary>The spelling of <see cref="NodeKind"/> in files, the CLI and JSON (kebab case).</summary>
public static class NodeKindNames
{
    private static readonly (NodeKind Kind, string Name)[] Names =
    [
        (NodeKind.Site, "site"),
        (NodeKind.OpticalSwitch, "optical-switch"),
        (NodeKind.Router, "router"),
        (NodeKind.Host, "host"),
        (NodeKind.Reflector, "reflector"),
    ];

    /// <summary>All accepted names, for error messages.</summary>
    public static string Accepted { get; } = string.Join(", ", Names.Select(n => n.Name));

    public static string ToName(this NodeKind kind) => Names.First(n => n.Kind == kind).Name;

    public static bool TryParse(string? text, out NodeKind kind)
    {
        foreach (var (k, name) in Names)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }
}

using NetControl.Core.Topology;

namespace NetControl.Formats.GraphMl;

/// <summary>A <c>&lt;node&gt;</c> or <c>&lt;edge&gt;</c> as read, before it is mapped to the model.</summary>
internal sealed class GraphMlElement(SourceLocation at)
{
    public SourceLocation At => at;

    /// <summary>The <c>id</c> attribute: required on nodes, optional on edges.</summary>
    public string? Id { get; init; }

    public string? Source { get; init; }

    public string? Target { get; init; }

    public bool Directed { get; init; }

    /// <summary>Data values by attribute name.</summary>
    public Dictionary<string, GraphMlValue> Data { get; } = new(StringComparer.Ordinal);

    /// <summary>The text of a data value, or null when absent.</summary>
    public string? Get(string name) => Data.TryGetValue(name, out var value) ? value.Text : null;
}

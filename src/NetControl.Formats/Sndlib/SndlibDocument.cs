using NetControl.Core.Topology;

namespace NetControl.Formats.Sndlib;

/// <summary>An SNDlib network as read, before it is mapped to the model.</summary>
internal sealed class SndlibDocument
{
    public Dictionary<string, string> Meta { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<SndlibNode> Nodes { get; } = [];

    public List<SndlibLink> Links { get; } = [];

    public List<(Demand Demand, SourceLocation At)> Demands { get; } = [];
}

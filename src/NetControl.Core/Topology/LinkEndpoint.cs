namespace NetControl.Core.Topology;

/// <summary>One end of a link: a node and, when the topology models ports, the port the fibre lands on.</summary>
public sealed record LinkEndpoint(string Node, string? Port = null)
{
    public override string ToString() => Port is null ? Node : $"{Node}:{Port}";
}

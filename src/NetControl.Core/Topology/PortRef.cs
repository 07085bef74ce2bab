namespace NetControl.Core.Topology;

/// <summary>A port named by its node and its name.</summary>
public readonly record struct PortRef(string Node, string Port)
{
    public override string ToString() => $"{Node}:{Port}";
}

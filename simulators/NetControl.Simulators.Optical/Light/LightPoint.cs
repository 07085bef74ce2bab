namespace NetControl.Simulators.Optical.Light;

/// <summary>One place light can be measured: a side of a port of a node.</summary>
public readonly record struct LightPoint(string Node, string Port, PortSide Side)
{
    public override string ToString() => $"{Node}:{Port}/{(Side == PortSide.Receive ? "rx" : "tx")}";
}

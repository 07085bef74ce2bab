namespace NetControl.Orchestration.Overlay;

/// <summary>One link of the installed overlay tree: its ends (reflector node ids, ordered), the topology link and its cost then.</summary>
public sealed record OverlayEdge(string A, string B, string LinkId, double Cost)
{
    public override string ToString() => $"{A}-{B}";
}

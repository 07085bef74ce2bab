namespace NetControl.Graph.Trees;

/// <summary>A spanning-tree computation that returned no tree: the kind, and a reason fit for an operator.</summary>
public sealed record TreeFailure(TreeFailureKind Kind, string Reason)
{
    public override string ToString() => Reason;
}

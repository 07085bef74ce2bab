namespace NetControl.Graph.Trees;

/// <summary>
/// One decision of an <see cref="OverlayTreeMaintainer"/>: kept or switched, why, the cost of the tree that was
/// installed before the decision under the current weights (+infinity when it lost an edge or there was none),
/// the candidate's cost (+infinity when there is none), the tree installed after the decision, and what the
/// triggering update did to the candidate (null for the initial decision).
/// </summary>
public sealed record OverlayDecision(
    OverlayAction Action,
    OverlayReason Reason,
    double InstalledCost,
    double CandidateCost,
    SpanningTree? Installed,
    TreeChange? CandidateChange,
    string Message)
{
    public bool Switched => Action == OverlayAction.Switched;

    public override string ToString() => Message;
}

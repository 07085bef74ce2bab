using System.Collections.Immutable;
using NetControl.Core.Lightpaths.Provisioning;
using NetControl.Core.Topology;

namespace NetControl.Orchestration.Lightpaths;

/// <summary>
/// One leg of a lightpath: the nodes and links it crosses, the cross-connects that carry it (head switch first,
/// tail switch last) and every switch port it occupies.
/// </summary>
public sealed record CircuitRoute
{
    public required ImmutableArray<string> Nodes { get; init; }

    public required ImmutableArray<string> Links { get; init; }

    public required ImmutableArray<CrossConnectStep> Steps { get; init; }

    public required ImmutableArray<PortRef> Ports { get; init; }

    public double LatencyMs { get; init; }

    public double LengthKm { get; init; }

    public bool Uses(string linkId) => Links.Contains(linkId);

    /// <summary>The cross-connects at the head and tail switches (one when both ends are on the same switch).</summary>
    public ImmutableArray<CrossConnectStep> EndSteps => Steps.Length <= 1 ? Steps : [Steps[0], Steps[^1]];

    /// <summary>The cross-connects between the end switches.</summary>
    public ImmutableArray<CrossConnectStep> InnerSteps => Steps.Length <= 2 ? [] : Steps[1..^1];

    public ProvisioningPlan ToPlan() => new(Steps);

    public override string ToString() => string.Join(" > ", Nodes);
}

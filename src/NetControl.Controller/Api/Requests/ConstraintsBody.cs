namespace NetControl.Controller.Api.Requests;

/// <summary>Path constraints: node, link or SRLG ids to avoid, a latency bound, nodes to pass through in order.</summary>
public sealed record ConstraintsBody
{
    public IReadOnlyList<string>? Exclude { get; init; }

    public double? MaxLatencyMs { get; init; }

    public IReadOnlyList<string>? Via { get; init; }
}

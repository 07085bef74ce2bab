namespace NetControl.Cli.Json;

/// <summary>Output of <c>netctl demo --json</c>.</summary>
public sealed record DemoJson(string Topology, TopologySummaryJson Summary, string From, string To, IReadOnlyList<DemoStepJson> Steps);

/// <summary>One step of the demo: what was asked, the paths found (working first for pairs), or why none.</summary>
public sealed record DemoStepJson(string Title, IReadOnlyList<PathJson> Paths, FailureJson? Failure);

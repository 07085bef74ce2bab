namespace NetControl.Graph.Paths.Search;

/// <summary>A path found by a search, as arcs from source to target, with its cost and latency.</summary>
internal sealed record FoundPath(int[] Arcs, double Cost, double LatencyMs);

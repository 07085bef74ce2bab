namespace NetControl.Graph.Paths.Search;

/// <summary>The families of restriction a request can impose, so a failure can name the ones that block it.</summary>
[Flags]
internal enum ConstraintKinds
{
    None = 0,
    LinksDown = 1 << 0,
    LinksAdminDown = 1 << 1,
    LinksDegraded = 1 << 2,
    ExcludedNodes = 1 << 3,
    ExcludedLinks = 1 << 4,
    ExcludedSrlgs = 1 << 5,
    MinFreeCapacity = 1 << 6,
    MaxLatency = 1 << 7,
    Ports = 1 << 8,
    MissingMetric = 1 << 9,
    All = (1 << 10) - 1,
}

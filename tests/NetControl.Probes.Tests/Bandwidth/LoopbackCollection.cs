namespace NetControl.Probes.Tests.Bandwidth;

/// <summary>Real-socket bandwidth tests: timing-sensitive, so never run in parallel with other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoopbackCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "Bandwidth loopback";
}

namespace NetControl.Graph.Paths;

/// <summary>Why no path (or pair) was returned.</summary>
public enum PathFailureKind
{
    /// <summary>The request itself is wrong: unknown endpoint, same endpoints, unknown exclusion.</summary>
    InvalidRequest,

    /// <summary>The endpoints are not connected in the topology at all.</summary>
    NoRoute,

    /// <summary>Routes exist, but the constraints or the link state rule them all out.</summary>
    Blocked,

    /// <summary>No pair with the requested disjointness exists (proved by exhaustive search).</summary>
    NoDisjointPair,

    /// <summary>The search stopped at its configured limit before finding an answer or proving there is none.</summary>
    SearchLimit,
}

namespace NetControl.Graph.Paths;

/// <summary>How a working path and its backup must differ.</summary>
public enum Disjointness
{
    /// <summary>No link in common.</summary>
    Link,

    /// <summary>No node in common except the endpoints (implies link-disjoint).</summary>
    Node,

    /// <summary>No link and no shared risk link group in common (nor an SRLG of a transit node).</summary>
    Srlg,
}

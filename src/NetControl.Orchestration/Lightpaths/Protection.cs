namespace NetControl.Orchestration.Lightpaths;

/// <summary>How a lightpath survives a fibre cut.</summary>
public enum Protection
{
    /// <summary>Nothing: a cut fails the lightpath.</summary>
    None,

    /// <summary>Rerouted after a cut on a path that avoids the failed SRLGs (make-before-break where ports allow).</summary>
    Restorable,

    /// <summary>A working and an SRLG-disjoint protection leg, both cross-connected; a cut switches the end switches to the protection leg.</summary>
    OnePlusOne,
}

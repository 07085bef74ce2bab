namespace NetControl.Graph.Trees;

/// <summary>Why an <see cref="OverlayTreeMaintainer"/> kept or switched the installed tree.</summary>
public enum OverlayReason
{
    /// <summary>Nothing was installed yet; the candidate was installed.</summary>
    NothingInstalled,

    /// <summary>The candidate passed the hysteresis test.</summary>
    CandidateCheaper,

    /// <summary>The candidate is not cheaper by the hysteresis ratio and margin (it may be the installed tree itself).</summary>
    WithinHysteresis,

    /// <summary>The installed tree lost an edge or broke a constraint; the candidate replaced it at once.</summary>
    InstalledInfeasible,

    /// <summary>There is no feasible candidate; the installed tree (if any) stays, feasible or not.</summary>
    NoCandidate,
}

namespace NetControl.Core.Lightpaths;

/// <summary>
/// Where a lightpath is in its life. See <see cref="LightpathLifecycle"/> for the transition table.
/// <see cref="Released"/> is the only terminal state; <see cref="Failed"/> accepts nothing but a release, so
/// whatever a failure left behind (ports, calendar entries, stray cross-connects) is cleaned up on the way out.
/// </summary>
public enum LightpathState
{
    /// <summary>Received, not yet admitted: no ports, capacity or calendar entry held.</summary>
    Requested,

    /// <summary>Admitted as an advance reservation: the calendar holds its ports and capacity over its window; nothing programmed yet.</summary>
    Scheduled,

    /// <summary>Cross-connects are being applied to the switches of the path and read back.</summary>
    Provisioning,

    /// <summary>Every cross-connect is in place and verified; the path carries traffic.</summary>
    Active,

    /// <summary>A link of the path failed; a new path (or the 1+1 protection leg) is being brought up.</summary>
    Restoring,

    /// <summary>Rejected at admission, or provisioning or restoration failed. Only a release leaves this state.</summary>
    Failed,

    /// <summary>Cross-connects, port allocations and calendar entries are being removed.</summary>
    Releasing,

    /// <summary>Everything the lightpath held is gone. Terminal.</summary>
    Released,
}

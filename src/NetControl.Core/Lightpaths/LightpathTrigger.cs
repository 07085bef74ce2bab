namespace NetControl.Core.Lightpaths;

/// <summary>
/// What moves a lightpath from one <see cref="LightpathState"/> to the next. Which trigger is valid in which state
/// is the table on <see cref="LightpathLifecycle"/>.
/// </summary>
public enum LightpathTrigger
{
    /// <summary>Admitted to start now (ports allocated): Requested → Provisioning.</summary>
    Admitted,

    /// <summary>Admitted as an advance reservation for a window that starts later: Requested → Scheduled.</summary>
    AdmittedForLater,

    /// <summary>Refused at admission (unknown endpoint, no path, port busy, bad window): Requested → Failed.</summary>
    Rejected,

    /// <summary>The start of a scheduled window arrived: Scheduled → Provisioning.</summary>
    StartTimeReached,

    /// <summary>Every cross-connect applied and verified by read-back: Provisioning → Active.</summary>
    ProvisioningSucceeded,

    /// <summary>Provisioning failed and was rolled back: Provisioning → Failed.</summary>
    ProvisioningFailed,

    /// <summary>A link (or SRLG) of the path failed: Active → Restoring, or Restoring → Restoring when another fails mid-restoration.</summary>
    LinkFailed,

    /// <summary>The lightpath runs again on a new path or its protection leg: Restoring → Active.</summary>
    RestorationSucceeded,

    /// <summary>No new path could be brought up (none exists, restoration frozen, or devices refused): Restoring → Failed.</summary>
    RestorationFailed,

    /// <summary>The requester or an operator asked to release it: any state but Releasing and Released → Releasing.</summary>
    ReleaseRequested,

    /// <summary>The end of its window arrived: any state but Releasing and Released → Releasing.</summary>
    EndTimeReached,

    /// <summary>The requester stopped renewing its lease: any state but Releasing and Released → Releasing.</summary>
    LeaseExpired,

    /// <summary>Everything it held was removed and verified gone on the devices: Releasing → Released.</summary>
    ReleaseCompleted,

    /// <summary>An operator asked for a reroute, or a restored lightpath reverts home after its wait-to-restore time.</summary>
    RerouteRequested,

    /// <summary>A requested reroute found no better path or failed on a device; the lightpath stays on its working path.</summary>
    RerouteAbandoned,
}

namespace NetControl.Core.Lightpaths.Provisioning;

/// <summary>Where one <see cref="CrossConnectStep"/> ended up after a provision or a release.</summary>
public enum StepStatus
{
    /// <summary>Made by this provisioning and verified present on the device.</summary>
    Applied,

    /// <summary>The device refused the command because it already had exactly this connection (a retry): counts as applied.</summary>
    AlreadyPresent,

    /// <summary>Not made, not removed, or not verified; <see cref="StepResult.Error"/> says why.</summary>
    Failed,

    /// <summary>Made by this provisioning, then removed again because another step failed.</summary>
    RolledBack,

    /// <summary>Made by this provisioning, but removing it during rollback failed: the connection may still be on the device.</summary>
    RollbackFailed,

    /// <summary>Released: the device accepted the removal.</summary>
    Removed,

    /// <summary>Released: the removal was refused, and read-back shows the connection absent, so there was nothing to do.</summary>
    NotConnected,
}

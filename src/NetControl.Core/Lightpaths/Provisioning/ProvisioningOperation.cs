namespace NetControl.Core.Lightpaths.Provisioning;

/// <summary>What a <see cref="ProvisioningOutcome"/> reports on.</summary>
public enum ProvisioningOperation
{
    /// <summary>Making the cross-connects of a plan (<see cref="LightpathProvisioner.ProvisionAsync"/>).</summary>
    Provision,

    /// <summary>Removing them (<see cref="LightpathProvisioner.ReleaseAsync"/>).</summary>
    Release,
}

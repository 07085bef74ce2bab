namespace NetControl.Core.Lightpaths.Provisioning;

/// <summary>
/// The per-switch cross-connects that together make one lightpath. The steps are independent of each other: the
/// provisioner sends them all at once, so their order carries no meaning.
/// </summary>
/// <param name="Steps">One cross-connect per switch of the path.</param>
public sealed record ProvisioningPlan(IReadOnlyList<CrossConnectStep> Steps)
{
    /// <summary>The switches the plan touches, each once, in the order of their first step.</summary>
    public IReadOnlyList<string> Devices => Steps.Select(s => s.Device).Distinct(StringComparer.Ordinal).ToList();
}

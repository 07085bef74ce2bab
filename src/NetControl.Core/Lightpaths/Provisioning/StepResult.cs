namespace NetControl.Core.Lightpaths.Provisioning;

/// <summary>The result of one step: its status and, when something went wrong, the device's message.</summary>
/// <param name="Step">The step.</param>
/// <param name="Status">Where it ended up.</param>
/// <param name="Error">For <see cref="StepStatus.Failed"/> and <see cref="StepStatus.RollbackFailed"/>, what failed (the <see cref="Devices.DeviceException"/> message); otherwise null.</param>
public sealed record StepResult(CrossConnectStep Step, StepStatus Status, string? Error = null)
{
    /// <inheritdoc />
    public override string ToString() => Error is null ? $"{Step}: {Status}" : $"{Step}: {Status} ({Error})";
}

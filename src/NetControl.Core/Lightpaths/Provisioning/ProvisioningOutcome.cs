using System.Globalization;

namespace NetControl.Core.Lightpaths.Provisioning;

/// <summary>
/// What a provision or a release did: whether it succeeded, the result of every step (in plan order) and how long
/// it took. An expected failure (a deny, a timeout, a verification miss) is an outcome, not an exception.
/// </summary>
/// <param name="Operation">Provision or release.</param>
/// <param name="Succeeded">
/// Provision: every step is <see cref="StepStatus.Applied"/> or <see cref="StepStatus.AlreadyPresent"/>. Release:
/// every step is <see cref="StepStatus.Removed"/> or <see cref="StepStatus.NotConnected"/>.
/// </param>
/// <param name="Steps">One result per step of the plan, in plan order.</param>
/// <param name="Elapsed">Wall time of the whole operation, rollback included, measured with the provisioner's <see cref="TimeProvider"/>.</param>
public sealed record ProvisioningOutcome(ProvisioningOperation Operation, bool Succeeded, IReadOnlyList<StepResult> Steps, TimeSpan Elapsed)
{
    /// <summary>The steps with the given status.</summary>
    public IEnumerable<StepResult> With(StepStatus status) => Steps.Where(s => s.Status == status);

    /// <summary>
    /// One line for logs and problem details, e.g. <c>provision failed in 412 ms: 1 failed, 2 rolled back; CHI-PXC
    /// 1.1a.2&lt;-&gt;1.1a.4: ENT-CRS denied: SRAC</c>.
    /// </summary>
    public string Summary
    {
        get
        {
            string verb = Operation == ProvisioningOperation.Provision ? "provision" : "release";
            string ms = Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
            var counts = Steps
                .GroupBy(s => s.Status)
                .OrderBy(g => g.Key)
                .Select(g => $"{g.Count()} {Label(g.Key)}");
            string line = $"{verb} {(Succeeded ? "succeeded" : "failed")} in {ms} ms: {string.Join(", ", counts)}";
            var errors = Steps.Where(s => s.Error is not null).Select(s => $"{s.Step}: {s.Error}").ToList();
            if (Steps.Count == 0)
            {
                line = $"{verb} succeeded in {ms} ms: nothing to do";
            }

            return (errors.Count == 0 ? line : $"{line}; {string.Join("; ", errors)}").ReplaceLineEndings(" ");
        }
    }

    private static string Label(StepStatus status) => status switch
    {
        StepStatus.Applied => "applied",
        StepStatus.AlreadyPresent => "already present",
        StepStatus.Failed => "failed",
        StepStatus.RolledBack => "rolled back",
        StepStatus.RollbackFailed => "rollback failed",
        StepStatus.Removed => "removed",
        StepStatus.NotConnected => "not connected",
        _ => status.ToString(),
    };
}

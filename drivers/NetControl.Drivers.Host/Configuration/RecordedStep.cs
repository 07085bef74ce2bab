using NetControl.Drivers.Host.Steps;

namespace NetControl.Drivers.Host.Configuration;

/// <summary>
/// A step of a change set read back from storage (after an agent restart): only its description survives, with
/// the commands it ran and those that undo it in its <see cref="AppliedStep.Plan"/>. It is only ever undone;
/// planning it (to apply, verify or dry-run) fails with a clear error.
/// </summary>
public sealed record RecordedStep(string Description) : IHostStep
{
    public string Describe() => Description;

    public Task<StepPlan> PlanAsync(HostReader reader, CancellationToken cancellationToken = default) =>
        throw new HostConfigurationException($"{Description}: a step recorded in a stored change set can only be undone, not planned or applied again");

    /// <summary>An applied step as stored: its description, the state it found, the commands it ran and those that undo it.</summary>
    public static AppliedStep Restore(string description, string state, IReadOnlyList<Shell.HostCommand> apply, IReadOnlyList<Shell.HostCommand> undo) =>
        new(new RecordedStep(description), StepPlan.Change(state, apply, undo));
}

using NetControl.Drivers.Host.Shell;

namespace NetControl.Drivers.Host.Steps;

/// <summary>A step against the state read just now: nothing to do, or the commands to apply and those that undo them.</summary>
public sealed record StepPlan(bool Satisfied, IReadOnlyList<HostCommand> Apply, IReadOnlyList<HostCommand> Undo, string State)
{
    /// <summary>Already as wanted: <paramref name="state"/> says what was read.</summary>
    public static StepPlan Holds(string state) => new(true, [], [], state);

    public static StepPlan Change(string state, IReadOnlyList<HostCommand> apply, IReadOnlyList<HostCommand> undo) => new(false, apply, undo, state);
}

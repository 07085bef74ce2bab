using NetControl.Drivers.Host.Shell;
using NetControl.Drivers.Host.Steps;

namespace NetControl.Drivers.Host.Configuration;

/// <summary>What an apply changed, in order: each step with the state it found and the commands that undo it.</summary>
public sealed record HostChangeSet(string Host, IReadOnlyList<AppliedStep> Applied)
{
    /// <summary>Every command the apply ran, in order.</summary>
    public IEnumerable<HostCommand> Commands => Applied.SelectMany(a => a.Plan.Apply);
}

/// <summary>One step that changed something: its plan as it was when applied.</summary>
public sealed record AppliedStep(IHostStep Step, StepPlan Plan);

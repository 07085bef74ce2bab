namespace NetControl.Drivers.Host.Steps;

/// <summary>
/// One piece of host configuration (a VLAN interface, an address, a route, a sysctl...). <see cref="PlanAsync"/>
/// reads the host's current state and says whether it already holds, which commands would make it hold, and which
/// commands would bring back what was read; it runs read-only commands only, so it also serves verification after
/// applying and the dry run.
/// </summary>
public interface IHostStep
{
    /// <summary>What the step sets, in words (<c>vlan eth0.3100 on eth0</c>).</summary>
    string Describe();

    Task<StepPlan> PlanAsync(HostReader reader, CancellationToken cancellationToken = default);

    /// <summary>What a failed command of this step most likely means, when the tool's own message is cryptic; null otherwise.</summary>
    string? Explain(Shell.HostCommandResult failed) => null;
}

namespace NetControl.Drivers.Host.Configuration;

/// <summary>
/// The outcome of <see cref="HostConfigurator.TryRollbackAsync"/>: what is left to undo (only the undo commands that
/// failed, per step; empty when the rollback completed) and one message per failed command.
/// </summary>
public sealed record HostRollback(HostChangeSet Remaining, IReadOnlyList<string> Failures)
{
    public bool Completed => Failures.Count == 0;
}

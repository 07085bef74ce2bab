namespace NetControl.Drivers.Host.Shell;

/// <summary>Runs commands on a host: locally, in a network namespace, or over SSH.</summary>
public interface IHostShell
{
    /// <summary>Where commands run, for messages (never a secret).</summary>
    string Describe();

    Task<HostCommandResult> RunAsync(HostCommand command, CancellationToken cancellationToken = default);
}

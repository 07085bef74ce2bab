namespace NetControl.Agent.Configuration;

/// <summary>
/// Host commands from the controller (<c>hostCommands</c>): the controller public keys (PEM, by key id) whose
/// signatures the agent accepts, the longest validity a command may claim, and optionally the network namespace the
/// host steps run in (for test benches and the transfer walk-through; null: the agent's own), or the remote host they
/// run on over SSH.
/// </summary>
public sealed record HostCommandsConfig
{
    public required IReadOnlyDictionary<string, string> ControllerKeys { get; init; }

    public TimeSpan MaxLifetime { get; init; } = TimeSpan.FromMinutes(5);

    public string? NetworkNamespace { get; init; }

    /// <summary>Run the host steps on this host over SSH instead of locally; null: locally.</summary>
    public HostSshConfig? Ssh { get; init; }
}

namespace NetControl.Controller.Hosting;

/// <summary>SSH settings of a device reached over SSH; secrets are never logged.</summary>
public sealed record SshEndpoint
{
    public required string UserName { get; init; }

    public string? Password { get; init; }

    public string? PrivateKeyPath { get; init; }

    /// <summary>The server's host key fingerprint (<c>SHA256:...</c>); null accepts any key (logged as a warning).</summary>
    public string? KnownHostSha256 { get; init; }

    /// <summary>TL1 agent as seen from the SSH server.</summary>
    public string TargetHost { get; init; } = "127.0.0.1";

    public required int TargetPort { get; init; }

    public override string ToString() => $"{UserName}@ssh -> {TargetHost}:{TargetPort}";
}

using NetControl.Drivers.Host.Shell;

namespace NetControl.Agent.Configuration;

/// <summary>
/// <c>hostCommands.ssh</c>: the host the steps run on over SSH, logged into with a private key (no passwords), its
/// host key pinned by SHA-256 fingerprint. <see cref="ToString"/> never shows the key file's contents (it only holds
/// paths, and the agent never reads the key itself outside SSH.NET).
/// </summary>
public sealed record HostSshConfig
{
    public required string Host { get; init; }

    public int Port { get; init; } = 22;

    public required string UserName { get; init; }

    /// <summary>Private key file (OpenSSH or PEM format, unencrypted), absolute.</summary>
    public required string PrivateKeyPath { get; init; }

    /// <summary>The server's host key fingerprint, <c>SHA256:</c> and 43 base64 characters, as <c>ssh-keygen -lf</c> prints it.</summary>
    public required string KnownHostSha256 { get; init; }

    /// <summary>Run every command through <c>sudo -n</c> (a non-root login with passwordless sudo for ip and sysctl).</summary>
    public bool UseSudo { get; init; }

    /// <summary>The SSH shell's options: key authentication only, the host key pinned.</summary>
    public SshShellOptions ToShellOptions() => new()
    {
        Host = Host,
        Port = Port,
        UserName = UserName,
        PrivateKeyPath = PrivateKeyPath,
        ExpectedHostKeySha256 = KnownHostSha256,
        UseSudo = UseSudo,
    };

    public override string ToString() => $"{UserName}@{Host}:{Port}";
}

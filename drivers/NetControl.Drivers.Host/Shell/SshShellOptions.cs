namespace NetControl.Drivers.Host.Shell;

/// <summary>How to reach a host over SSH: key (or password) authentication and the host key it must present.</summary>
public sealed record SshShellOptions
{
    public required string Host { get; init; }

    public int Port { get; init; } = 22;

    public required string UserName { get; init; }

    /// <summary>Private key file (OpenSSH format); the way to log in.</summary>
    public string? PrivateKeyPath { get; init; }

    /// <summary>Password, when no key is given; never logged.</summary>
    public string? Password { get; init; }

    /// <summary>The server's host key, <c>SHA256:...</c> as <c>ssh-keygen -lf</c> prints it: required, a host agent never trusts blindly.</summary>
    public required string ExpectedHostKeySha256 { get; init; }

    /// <summary>Run every command through <c>sudo -n</c> (a non-root login with passwordless sudo for the allowed tools).</summary>
    public bool UseSudo { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Never shows the password.</summary>
    public override string ToString() => $"{UserName}@{Host}:{Port}";
}

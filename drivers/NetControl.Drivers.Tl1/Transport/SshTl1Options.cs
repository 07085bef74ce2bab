using NetControl.Drivers.Tl1.Session;

namespace NetControl.Drivers.Tl1.Transport;

/// <summary>
/// How to reach a TL1 agent through an SSH server: the SSH server (<see cref="Host"/>, <see cref="Port"/>), the
/// credentials, and the TL1 endpoint the server forwards to (<see cref="TargetHost"/>, <see cref="TargetPort"/>,
/// as seen from the SSH server; typically the network element's own TL1 port on its loopback).
/// <see cref="object.ToString"/> shows every option, the password, key and passphrase as <c>***</c> (<see cref="Tl1Secret"/>).
/// </summary>
public sealed record SshTl1Options
{
    /// <summary>SSH server host name or address.</summary>
    public required string Host { get; init; }

    /// <summary>SSH server port.</summary>
    public int Port { get; init; } = 22;

    /// <summary>SSH user name.</summary>
    public required string UserName { get; init; }

    /// <summary>Password for SSH "password" authentication, or null. Never logged.</summary>
    public Tl1Secret? Password { get; init; }

    /// <summary>Path of a private key file (OpenSSH, PEM or PuTTY format), or null.</summary>
    public string? PrivateKeyPath { get; init; }

    /// <summary>The private key itself as text (same formats as <see cref="PrivateKeyPath"/>), or null. Never logged.</summary>
    public Tl1Secret? PrivateKey { get; init; }

    /// <summary>Passphrase of an encrypted private key, or null. Never logged.</summary>
    public Tl1Secret? PrivateKeyPassphrase { get; init; }

    /// <summary>
    /// The server's host key fingerprint as OpenSSH prints it (<c>ssh-keygen -lf key.pub</c>:
    /// <c>SHA256:</c> followed by unpadded base64; the prefix is optional). A server presenting another key is
    /// rejected. When null, ANY host key is accepted (a warning is logged per connection): the channel is then
    /// encrypted but not protected against a man in the middle; set it in production.
    /// </summary>
    public string? ExpectedHostKeySha256 { get; init; }

    /// <summary>Host of the TL1 agent, as resolved by the SSH server (default its loopback, 127.0.0.1).</summary>
    public string TargetHost { get; init; } = "127.0.0.1";

    /// <summary>TCP port of the TL1 agent, as seen from the SSH server (e.g. 3082, or Glimmerglass 10033).</summary>
    public required int TargetPort { get; init; }

    /// <summary>Limit for connecting, key exchange and authentication together; also SSH.NET's per-operation timeout.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

}

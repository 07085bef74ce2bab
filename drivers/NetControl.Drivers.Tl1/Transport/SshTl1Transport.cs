using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetControl.Drivers.Ssh;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace NetControl.Drivers.Tl1.Transport;

/// <summary>
/// TL1 carried through an SSH server: each channel is an SSH connection whose server forwards a
/// <c>direct-tcpip</c> channel (RFC 4254 section 7.2, what <c>ssh -L</c> uses) to the TL1 agent at
/// <see cref="SshTl1Options.TargetHost"/>:<see cref="SshTl1Options.TargetPort"/> as seen from the server.
/// </summary>
/// <remarks>
/// <para><b>Why direct-tcpip.</b> It is a raw, 8-bit clean byte pipe: no PTY, so no echo, no CRLF translation
/// and no shell prompt mixed into the TL1 stream; it needs nothing on the server but the standard sshd
/// (<c>AllowTcpForwarding</c>), and it is how TL1 agents that listen on a network element's or gateway's
/// loopback are reached over SSH. The alternatives are worse: an exec channel running <c>nc</c> needs a shell
/// account and a netcat on the server, and a shell channel brings a PTY (echo, line discipline) or a login
/// banner into the byte stream. SSH.NET opens direct-tcpip channels only through
/// <see cref="ForwardedPortLocal"/> (its channel type is internal), so each channel binds a forwarding port to
/// 127.0.0.1 on an ephemeral port and connects one loopback socket to it; the port refuses connections from any
/// other local socket, and lives exactly as long as the channel.</para>
/// <para><b>Errors.</b> Refused, timed-out and dropped SSH connections fail with a transient
/// <see cref="Tl1TransportException"/> (a drop after connecting faults <see cref="ITl1Channel.Input"/> with
/// it); a failed authentication or a host key that does not match
/// <see cref="SshTl1Options.ExpectedHostKeySha256"/> fail with a permanent one. When the SSH server cannot
/// reach the target (port closed, forwarding prohibited) <see cref="ConnectAsync"/> still succeeds, because
/// SSH.NET opens the SSH channel only after the local connection exists and does not pass the server's
/// refusal on: the channel's <see cref="ITl1Channel.Input"/> completes at once without data, which a TL1
/// session sees as an agent that hung up (the sshd log says <c>connect_to ... failed</c>).</para>
/// <para><b>Cost.</b> Each channel is its own SSH connection, and SSH.NET relays a forwarded connection with
/// blocking socket calls, holding one thread-pool thread for the channel's lifetime: fine for the tens of
/// network elements a controller talks to.</para>
/// <para><b>Host keys.</b> With <see cref="SshTl1Options.ExpectedHostKeySha256"/> null every host key is
/// accepted, with a warning in the log: the link is encrypted but not authenticated.</para>
/// </remarks>
public sealed class SshTl1Transport : ITl1Transport
{
    private readonly SshTl1Options _options;
    private readonly ILogger _logger;
    private readonly string _description;

    /// <param name="options">Server, credentials and target; validated here.</param>
    /// <param name="logger">Optional logger (credentials are never logged).</param>
    public SshTl1Transport(SshTl1Options options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Host, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.UserName, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.TargetHost, nameof(options));
        ValidatePort(options.Port, nameof(options.Port));
        ValidatePort(options.TargetPort, nameof(options.TargetPort));
        if (options.ConnectTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ConnectTimeout, "ConnectTimeout must be positive.");
        }

        if (options.PrivateKeyPath is not null && options.PrivateKey is not null)
        {
            throw new ArgumentException("Give PrivateKeyPath or PrivateKey, not both.", nameof(options));
        }

        if (options.Password is null && options.PrivateKeyPath is null && options.PrivateKey is null)
        {
            throw new ArgumentException("No SSH credentials: give Password, PrivateKeyPath or PrivateKey.", nameof(options));
        }

        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _description = $"ssh {options.UserName}@{HostPort.Format(options.Host, options.Port)} -> {HostPort.Format(options.TargetHost, options.TargetPort)}";
    }

    /// <inheritdoc/>
    public string Describe() => _description;

    /// <inheritdoc/>
    public async ValueTask<ITl1Channel> ConnectAsync(CancellationToken cancellationToken)
    {
        var keys = LoadPrivateKeys();
        var methods = new List<AuthenticationMethod>();
        if (keys.Count > 0)
        {
            methods.Add(new PrivateKeyAuthenticationMethod(_options.UserName, [.. keys]));
        }

        if (_options.Password is not null)
        {
            methods.Add(new PasswordAuthenticationMethod(_options.UserName, _options.Password.Reveal()));
        }

        var owned = new List<IDisposable>(keys);
        owned.AddRange(methods);
        var info = new ConnectionInfo(_options.Host, _options.Port, _options.UserName, [.. methods]) { Timeout = _options.ConnectTimeout };
        var client = new SshClient(info);
        var hostKey = new HostKeyVerifier(_options.ExpectedHostKeySha256, (name, fingerprint) => TransportLog.HostKeyNotVerified(_logger, _description, name, fingerprint));
        client.HostKeyReceived += hostKey.OnHostKeyReceived;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.ConnectTimeout);
            try
            {
                await client.ConnectAsync(timeout.Token).ConfigureAwait(false);
                var channel = await SshTl1Channel.OpenAsync(client, owned, _options.TargetHost, _options.TargetPort, _description, _logger, timeout.Token)
                    .ConfigureAwait(false);
                TransportLog.Connected(_logger, _description);
                return channel;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Translate(ex, hostKey) is { } translated)
            {
                throw translated;
            }
        }
        catch
        {
            client.Dispose();
            foreach (var item in owned)
            {
                item.Dispose();
            }

            throw;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => _description;

    /// <summary>The typed error for a connect failure, or null to let it pass unchanged.</summary>
    private Tl1TransportException? Translate(Exception error, HostKeyVerifier hostKey) => error switch
    {
        Tl1TransportException => null,
        _ when hostKey.Rejected => new Tl1TransportException(
            _description, $"host key mismatch: expected SHA256:{hostKey.Expected}, server presented SHA256:{hostKey.Presented}", isTransient: false, error),
        OperationCanceledException or SshOperationTimeoutException => new Tl1TransportException(
            _description, $"connect timed out after {_options.ConnectTimeout.TotalSeconds:0.###} s", isTransient: true, error),
        SshAuthenticationException => new Tl1TransportException(
            _description, $"authentication failed for user '{_options.UserName}': {error.Message}", isTransient: false, error),
        SocketException socketError => Tl1TransportException.FromSocket(_description, socketError),
        SshConnectionException => new Tl1TransportException(_description, $"ssh connection failed: {error.Message}", isTransient: true, error),
        SshException => new Tl1TransportException(_description, $"ssh error: {error.Message}", isTransient: false, error),
        IOException => new Tl1TransportException(_description, $"ssh connection failed: {error.Message}", isTransient: true, error),
        _ => null,
    };

    private List<PrivateKeyFile> LoadPrivateKeys()
    {
        if (_options.PrivateKeyPath is null && _options.PrivateKey is null)
        {
            return [];
        }

        var source = _options.PrivateKeyPath ?? "(inline key)";
        try
        {
            if (_options.PrivateKeyPath is { } path)
            {
                return [_options.PrivateKeyPassphrase is null ? new PrivateKeyFile(path) : new PrivateKeyFile(path, _options.PrivateKeyPassphrase.Reveal())];
            }

            using var text = new MemoryStream(Encoding.UTF8.GetBytes(_options.PrivateKey!.Reveal()));
            return [_options.PrivateKeyPassphrase is null ? new PrivateKeyFile(text) : new PrivateKeyFile(text, _options.PrivateKeyPassphrase.Reveal())];
        }
        catch (Exception ex) when (ex is SshException or IOException or UnauthorizedAccessException or ArgumentException or FormatException or InvalidOperationException)
        {
            throw new Tl1TransportException(_description, $"cannot load private key {source}: {ex.Message}", isTransient: false, ex);
        }
    }

    private static void ValidatePort(int port, string name)
    {
        if (port is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(name, port, "A TCP port is 1 to 65535.");
        }
    }
}

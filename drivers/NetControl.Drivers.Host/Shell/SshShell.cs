using NetControl.Drivers.Ssh;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace NetControl.Drivers.Host.Shell;

/// <summary>
/// Runs commands on a remote host over SSH (SSH.NET): one connection, opened on first use and again after it drops,
/// key or password authentication, the host key pinned by its SHA-256 fingerprint (a mismatch is refused and said
/// so), one command at a time, each quoted for the remote shell and limited in time.
/// </summary>
public sealed class SshShell : IHostShell, IDisposable
{
    private readonly SshShellOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SshClient? _client;
    private HostKeyVerifier? _hostKey;

    public SshShell(SshShellOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PrivateKeyPath is null && options.Password is null)
        {
            throw new ArgumentException("no SSH credentials: give PrivateKeyPath or Password", nameof(options));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(options.ExpectedHostKeySha256);
        _options = options;
    }

    public string Describe() => $"ssh {_options}";

    public async Task<HostCommandResult> RunAsync(HostCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        string text = (_options.UseSudo ? "sudo -n " : string.Empty) + command;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var client = await ConnectAsync(command, cancellationToken).ConfigureAwait(false);
            using var ssh = client.CreateCommand(text);
            ssh.CommandTimeout = _options.CommandTimeout;
            try
            {
                await ssh.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SshOperationTimeoutException)
            {
                throw new HostCommandException(command, Describe(), $"no answer within {_options.CommandTimeout.TotalSeconds:0} s");
            }
            catch (SshConnectionException ex)
            {
                Drop();
                throw new HostCommandException(command, Describe(), $"connection lost: {ex.Message}", ex);
            }

            return new HostCommandResult(ssh.ExitStatus ?? -1, ssh.Result, ssh.Error);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        Drop();
        _gate.Dispose();
    }

    private async Task<SshClient> ConnectAsync(HostCommand command, CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } connected)
        {
            return connected;
        }

        Drop();
        AuthenticationMethod method = _options.PrivateKeyPath is { } key
            ? new PrivateKeyAuthenticationMethod(_options.UserName, new PrivateKeyFile(key))
            : new PasswordAuthenticationMethod(_options.UserName, _options.Password);
        var client = new SshClient(new ConnectionInfo(_options.Host, _options.Port, _options.UserName, method) { Timeout = _options.ConnectTimeout });
        _hostKey = new HostKeyVerifier(_options.ExpectedHostKeySha256);
        client.HostKeyReceived += _hostKey.OnHostKeyReceived;
        try
        {
            await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SshException or System.Net.Sockets.SocketException or TimeoutException)
        {
            client.Dispose();
            string why = _hostKey.Rejected
                ? $"host key SHA256:{_hostKey.Presented} is not the pinned {_options.ExpectedHostKeySha256}"
                : ex is SshAuthenticationException ? $"authentication as {_options.UserName} refused" : ex.Message;
            throw new HostCommandException(command, Describe(), why, ex);
        }

        _client = client;
        return client;
    }

    private void Drop()
    {
        _client?.Dispose();
        _client = null;
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NetControl.Drivers.Tl1.Transport;

namespace NetControl.Drivers.Tl1.Tests.Fixtures;

/// <summary>
/// A real OpenSSH server (Debian's openssh-server, installed by ./test.sh) on 127.0.0.1 with a free port and a
/// throwaway configuration in a temporary directory: a fresh ed25519 host key, a client key pair authorised for
/// the current user (tests run as root here, hence <c>PermitRootLogin prohibit-password</c>; as another user
/// sshd can only log that user in, which is also the current user), a second key that is not authorised,
/// public key authentication only, local TCP forwarding allowed (what <see cref="SshTl1Transport"/> uses), no
/// PTY, and a VERBOSE log that tests print through <see cref="LogSince"/>. Disposal kills sshd and its
/// per-connection children and deletes the directory.
/// </summary>
public sealed class OpenSshServerFixture : IAsyncLifetime
{
    public const string SshdPath = "/usr/sbin/sshd";
    public const string SshKeygenPath = "/usr/bin/ssh-keygen";
    private const int PortAttempts = 5;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly Lock _logLock = new();
    private readonly StringBuilder _log = new();
    private StreamWriter? _logFile;
    private Process? _sshd;

    /// <summary>The address sshd listens on (loopback unless set before start).</summary>
    public string ListenAddress { get; init; } = "127.0.0.1";

    /// <summary>A network namespace to run sshd in (its sessions' commands then run there too); null: this one.</summary>
    public string? NetworkNamespace { get; init; }

    public string Host => ListenAddress;

    public int Port { get; private set; }

    /// <summary>The account the client key logs into: the user running the tests.</summary>
    public string UserName { get; } = Environment.UserName;

    public string Directory { get; private set; } = "";

    /// <summary>Private key authorised on the server.</summary>
    public string ClientKeyPath => Path.Combine(Directory, "client_key");

    /// <summary>A valid private key the server does not know.</summary>
    public string StrangerKeyPath => Path.Combine(Directory, "stranger_key");

    /// <summary>The server's host key fingerprint as <c>ssh-keygen -l</c> prints it (<c>SHA256:...</c>).</summary>
    public string HostKeySha256 { get; private set; } = "";

    public string LogPath => Path.Combine(Directory, "sshd.log");

    /// <summary>Options that reach <paramref name="targetPort"/> on the server's loopback with the authorised key and pinned host key.</summary>
    public SshTl1Options Options(int targetPort) => new()
    {
        Host = Host,
        Port = Port,
        UserName = UserName,
        PrivateKeyPath = ClientKeyPath,
        ExpectedHostKeySha256 = HostKeySha256,
        TargetPort = targetPort,
        ConnectTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Current length of the sshd log, to print only a test's own part later.</summary>
    public int LogMark()
    {
        lock (_logLock)
        {
            return _log.Length;
        }
    }

    public string LogSince(int mark)
    {
        lock (_logLock)
        {
            return _log.ToString(Math.Min(mark, _log.Length), _log.Length - Math.Min(mark, _log.Length));
        }
    }

    /// <summary>
    /// Kills sshd's per-connection processes (its children, found by parent id), which drops every open SSH
    /// connection while the server keeps listening. Returns how many were killed.
    /// </summary>
    public int KillConnections()
    {
        var master = _sshd?.Id ?? throw new InvalidOperationException("sshd is not running");
        var killed = 0;
        foreach (var entry in System.IO.Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid) || ParentOf(pid) != master)
            {
                continue;
            }

            try
            {
                using var child = Process.GetProcessById(pid);
                child.Kill(entireProcessTree: true);
                child.WaitForExit();
                killed++;
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }

        return killed;
    }

    public async Task InitializeAsync()
    {
        foreach (var tool in new[] { SshdPath, SshKeygenPath })
        {
            if (!File.Exists(tool))
            {
                throw new InvalidOperationException($"{tool} not found: run ./test.sh, which installs openssh-server");
            }
        }

        Directory = System.IO.Directory.CreateTempSubdirectory("netcontrol-sshd-").FullName;
        await GenerateKeyAsync("host_key").ConfigureAwait(false);
        await GenerateKeyAsync("client_key").ConfigureAwait(false);
        await GenerateKeyAsync("stranger_key").ConfigureAwait(false);
        File.Copy(ClientKeyPath + ".pub", Path.Combine(Directory, "authorized_keys"));
        var fingerprint = await RunAsync(SshKeygenPath, "-l", "-E", "sha256", "-f", Path.Combine(Directory, "host_key.pub")).ConfigureAwait(false);
        HostKeySha256 = fingerprint.Split(' ')[1];
        if (Environment.IsPrivilegedProcess)
        {
            // sshd running as root insists on its privilege separation directory (systemd creates it at boot).
            System.IO.Directory.CreateDirectory("/run/sshd");
        }

        _logFile = new StreamWriter(LogPath) { AutoFlush = true };
        for (var attempt = 1; ; attempt++)
        {
            Port = FreeLoopbackPort();
            var (started, reason) = await StartSshdAsync().ConfigureAwait(false);
            if (started)
            {
                return;
            }

            if (attempt == PortAttempts || !reason.Contains("Address already in use", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"sshd did not start on {ListenAddress}:{Port}: {reason}{Environment.NewLine}{LogSince(0)}");
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_sshd is { } sshd)
        {
            if (!sshd.HasExited)
            {
                sshd.Kill(entireProcessTree: true);
            }

            await sshd.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            sshd.Dispose();
        }

        lock (_logLock)
        {
            _logFile?.Dispose();
            _logFile = null;
        }

        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private async Task<(bool Started, string Reason)> StartSshdAsync()
    {
        var config = Path.Combine(Directory, "sshd_config");
        await File.WriteAllTextAsync(config, Config()).ConfigureAwait(false);
        var listening = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process
        {
            StartInfo = new ProcessStartInfo(NetworkNamespace is null ? SshdPath : "ip")
            {
                ArgumentList = { "-D", "-e", "-f", config },
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            },
            EnableRaisingEvents = true,
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            AppendLog(e.Data);
            if (e.Data.Contains($"Server listening on {ListenAddress} port {Port}", StringComparison.Ordinal))
            {
                listening.TrySetResult(null);
            }
        };
        if (NetworkNamespace is { } ns)
        {
            // ip netns exec NS sshd ... (sshd needs its absolute path).
            foreach (var (argument, at) in new[] { ("netns", 0), ("exec", 1), (ns, 2), (SshdPath, 3) })
            {
                process.StartInfo.ArgumentList.Insert(at, argument);
            }
        }

        process.Exited += (_, _) => listening.TrySetResult($"sshd exited with code {process.ExitCode}");
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        string? failure;
        try
        {
            failure = await listening.Task.WaitAsync(StartTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            failure = $"not listening after {StartTimeout.TotalSeconds} s";
        }

        if (failure is null)
        {
            _sshd = process;
            return (true, "");
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync().ConfigureAwait(false);
        process.Dispose();
        return (false, $"{failure}; log: {LogSince(0)}");
    }

    private string Config() => $"""
        Port {Port}
        ListenAddress {ListenAddress}
        HostKey {Path.Combine(Directory, "host_key")}
        PidFile {Path.Combine(Directory, "sshd.pid")}
        AuthorizedKeysFile {Path.Combine(Directory, "authorized_keys")}
        PubkeyAuthentication yes
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        UsePAM no
        StrictModes no
        PermitRootLogin prohibit-password
        AllowTcpForwarding local
        PermitOpen any
        AllowAgentForwarding no
        X11Forwarding no
        PermitTTY no
        PrintMotd no
        LogLevel VERBOSE

        """;

    private void AppendLog(string line)
    {
        lock (_logLock)
        {
            _log.AppendLine(line);
            _logFile?.WriteLine(line);
        }
    }

    private Task GenerateKeyAsync(string name) =>
        RunAsync(SshKeygenPath, "-q", "-t", "ed25519", "-N", "", "-C", $"netcontrol-test-{name}", "-f", Path.Combine(Directory, name));

    private static async Task<string> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error.ConfigureAwait(false)}");
        }

        return await output.ConfigureAwait(false);
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so parse after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace NetControl.Benchmarking.Probes;

/// <summary>
/// Debian's Mosquitto as a child process for <c>netctl bench ingest</c>: a throwaway directory with its configuration
/// (loopback listener on a free port, password file made with mosquitto_passwd, the ACL the embedded broker enforces,
/// no persistence, queues big enough for a run), killed and deleted on dispose.
/// </summary>
public sealed class BenchMosquitto : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/mosquitto";
    public const string PasswdTool = "/usr/bin/mosquitto_passwd";

    private readonly string _directory;
    private Process? _process;

    private BenchMosquitto(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Why Mosquitto cannot run here, or null when it can.</summary>
    public static string? MissingReason() =>
        !File.Exists(Executable) ? $"{Executable} not found (apt-get install mosquitto)"
        : !File.Exists(PasswdTool) ? $"{PasswdTool} not found (apt-get install mosquitto)"
        : null;

    public static async Task<BenchMosquitto> StartAsync(IReadOnlyDictionary<string, string> users, string controllerUser, CancellationToken cancellationToken)
    {
        string directory = Directory.CreateTempSubdirectory("netctl-bench-mosquitto-").FullName;
        var broker = new BenchMosquitto(directory, FreePort());
        try
        {
            await broker.ConfigureAsync(users, controllerUser, cancellationToken).ConfigureAwait(false);
            await broker.LaunchAsync(cancellationToken).ConfigureAwait(false);
            return broker;
        }
        catch
        {
            await broker.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }

            _process.Dispose();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory.
        }
    }

    private string Combine(string name) => Path.Combine(_directory, name);

    private async Task ConfigureAsync(IReadOnlyDictionary<string, string> users, string controllerUser, CancellationToken cancellationToken)
    {
        string passwd = Combine("passwd");
        await File.WriteAllTextAsync(passwd, string.Empty, cancellationToken).ConfigureAwait(false);
        foreach (var (user, secret) in users)
        {
            using var tool = Process.Start(new ProcessStartInfo(PasswdTool, ["-b", passwd, user, secret]) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true })
                ?? throw new BenchmarkSetupException($"{PasswdTool} did not start");
            string err = await tool.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            await tool.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (tool.ExitCode != 0)
            {
                throw new BenchmarkSetupException($"mosquitto_passwd exited {tool.ExitCode}: {err.Trim()}");
            }
        }

        await File.WriteAllTextAsync(Combine("acl"), $"""
            user {controllerUser}
            topic readwrite #

            pattern write netcontrol/v1/agents/%u/status
            pattern write netcontrol/v1/agents/%u/measurements
            pattern read netcontrol/v1/agents/%u/commands

            """, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Combine("mosquitto.conf"), string.Create(CultureInfo.InvariantCulture, $"""
            listener {Port} 127.0.0.1
            allow_anonymous false
            password_file {passwd}
            acl_file {Combine("acl")}
            persistence false
            max_queued_messages 1000000
            max_inflight_messages 1000
            set_tcp_nodelay true
            user root
            log_dest file {Combine("mosquitto.log")}
            log_type error
            log_type warning

            """), cancellationToken).ConfigureAwait(false);
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        _process = Process.Start(new ProcessStartInfo(Executable, ["-c", Combine("mosquitto.conf")]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new BenchmarkSetupException($"{Executable} did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            if (_process.HasExited)
            {
                string log = File.Exists(Combine("mosquitto.log")) ? await File.ReadAllTextAsync(Combine("mosquitto.log"), cancellationToken).ConfigureAwait(false) : "(no log)";
                throw new BenchmarkSetupException($"mosquitto exited with {_process.ExitCode}: {log.Trim().Split('\n')[^1]}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException) when (Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}

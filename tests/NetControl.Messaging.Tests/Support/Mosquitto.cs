using System.Diagnostics;
using System.Net.Sockets;

namespace NetControl.Messaging.Tests.Support;

/// <summary>
/// A real Mosquitto broker as a child process: its own config (loopback listener on a free port, password file made
/// with mosquitto_passwd, ACL file mirroring the embedded broker's rules, persistence in a temp directory). It can
/// be stopped (SIGTERM: saves its database) and started again on the same port and persistence directory.
/// </summary>
internal sealed class Mosquitto : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/mosquitto";
    public const string PasswdTool = "/usr/bin/mosquitto_passwd";

    private readonly TempDirectory _directory = new();
    private Process? _process;

    private Mosquitto(int port) => Port = port;

    public int Port { get; }

    public string LogPath => _directory.Combine("mosquitto.log");

    public static bool IsInstalled => File.Exists(Executable);

    public static async Task<Mosquitto> StartAsync(IReadOnlyDictionary<string, string> users, string controllerUser)
    {
        var broker = new Mosquitto(FreePort.Next());
        broker.WriteConfiguration(users, controllerUser);
        await broker.StartAsync();
        return broker;
    }

    public async Task StartAsync()
    {
        var info = new ProcessStartInfo(Executable, ["-c", _directory.Combine("mosquitto.conf")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(info) ?? throw new InvalidOperationException("mosquitto did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with {_process.ExitCode}: {ReadLog()}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Graceful stop (SIGTERM): Mosquitto saves its persistence database and exits.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            kill?.WaitForExit();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }

        _process.Dispose();
        _process = null;
    }

    public string ReadLog() => File.Exists(LogPath) ? File.ReadAllText(LogPath) : "(no log)";

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _directory.Dispose();
    }

    private void WriteConfiguration(IReadOnlyDictionary<string, string> users, string controllerUser)
    {
        string passwd = _directory.Combine("passwd");
        File.WriteAllText(passwd, string.Empty);
        foreach (var (user, secret) in users)
        {
            RunPasswd(passwd, user, secret);
        }

        string acl = _directory.Combine("acl");
        File.WriteAllText(acl, $"""
            user {controllerUser}
            topic readwrite #

            pattern write netcontrol/v1/agents/%u/status
            pattern write netcontrol/v1/agents/%u/measurements
            pattern read netcontrol/v1/agents/%u/commands

            """);
        string data = _directory.Combine("data");
        Directory.CreateDirectory(data);
        File.WriteAllText(_directory.Combine("mosquitto.conf"), $"""
            listener {Port} 127.0.0.1
            allow_anonymous false
            password_file {passwd}
            acl_file {acl}
            persistence true
            persistence_location {data}/
            autosave_interval 1
            max_queued_messages 1000000
            max_inflight_messages 100
            user root
            log_dest file {LogPath}
            log_type error
            log_type warning
            log_type notice
            log_type information

            """);
    }

    private static void RunPasswd(string file, string user, string secret)
    {
        using var process = Process.Start(new ProcessStartInfo(PasswdTool, ["-b", file, user, secret]) { UseShellExecute = false, RedirectStandardError = true })
            ?? throw new InvalidOperationException("mosquitto_passwd did not start");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"mosquitto_passwd failed: {process.StandardError.ReadToEnd()}");
        }
    }
}

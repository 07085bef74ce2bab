using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NetControl.Drivers.Snmp.Client;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Drivers.Snmp.Security;

namespace NetControl.Benchmarking.Snmp;

/// <summary>
/// A real net-snmp snmpd for <c>netctl bench snmp</c>, on a free loopback UDP port with a throwaway configuration:
/// community <c>public</c>, an SHA/AES user, and a 10,000-row table (<c>override</c> objects under
/// <see cref="TableRoot"/>). Logging is off so it does not slow the agent down.
/// </summary>
internal sealed class BenchSnmpd : IAsyncDisposable
{
    public const string TableRoot = "1.3.6.1.4.1.99999.1.1.1";
    public const string SnmpdPath = "/usr/sbin/snmpd";

    public static UsmUser User { get; } = new("netctlbench", SnmpAuthProtocol.HmacSha1, "netctl-bench-auth", SnmpPrivProtocol.Aes128, "netctl-bench-priv");

    private readonly Process _process;
    private readonly string _directory;

    private BenchSnmpd(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        EndPoint = new IPEndPoint(IPAddress.Loopback, port);
    }

    public IPEndPoint EndPoint { get; }

    public static async Task<BenchSnmpd> StartAsync(int rows, SnmpClient client, CancellationToken cancellationToken)
    {
        if (!File.Exists(SnmpdPath))
        {
            throw new BenchmarkSetupException($"{SnmpdPath} not found: install net-snmp (apt-get install snmpd snmp) or run ./test.sh, which does");
        }

        string directory = Directory.CreateTempSubdirectory("netctl-bench-snmpd-").FullName;
        var config = new StringBuilder()
            .AppendLine("rocommunity public 127.0.0.1")
            .AppendLine($"createUser {User.Name} SHA \"{User.AuthPassword}\" AES \"{User.PrivPassword}\"")
            .AppendLine($"rouser {User.Name} priv");
        for (int i = 1; i <= rows; i++)
        {
            config.Append("override ").Append(TableRoot).Append('.').Append(i).Append(" integer ").Append(i).AppendLine();
        }

        string configPath = Path.Combine(directory, "snmpd.conf");
        await File.WriteAllTextAsync(configPath, config.ToString(), cancellationToken).ConfigureAwait(false);
        int port = FreeUdpPort();
        var start = new ProcessStartInfo(SnmpdPath)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in new[] { "-f", "-Lf", "/dev/null", "-C", "-c", configPath, $"udp:127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["SNMP_PERSISTENT_DIR"] = directory;
        start.Environment["MIBS"] = string.Empty;
        var process = Process.Start(start) ?? throw new BenchmarkSetupException($"could not start {SnmpdPath}");
        var daemon = new BenchSnmpd(process, directory, port);
        try
        {
            await daemon.WaitReadyAsync(client, cancellationToken).ConfigureAwait(false);
            return daemon;
        }
        catch
        {
            await daemon.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task WaitReadyAsync(SnmpClient client, CancellationToken cancellationToken)
    {
        var probe = SnmpTarget.V2c(EndPoint) with { Timeout = TimeSpan.FromMilliseconds(250), Retries = 0 };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (_process.HasExited)
            {
                string err = await _process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                throw new BenchmarkSetupException($"snmpd exited with code {_process.ExitCode}: {err.Trim().Split('\n').LastOrDefault()}");
            }

            try
            {
                await client.GetAsync(probe, [WellKnownOids.SysUpTime], cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SnmpTimeoutException) when (DateTime.UtcNow < deadline)
            {
                // Still loading its configuration.
            }
        }
    }

    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}

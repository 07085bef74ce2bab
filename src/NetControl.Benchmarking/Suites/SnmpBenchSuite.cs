using System.Diagnostics;
using System.Globalization;
using NetControl.Benchmarking.Measurement;
using NetControl.Benchmarking.Reporting;
using NetControl.Benchmarking.Snmp;
using NetControl.Drivers.Snmp.Client;
using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Benchmarking.Suites;

/// <summary>
/// <c>netctl bench snmp</c>: against a real net-snmp snmpd on loopback, a GETBULK walk of a 10,000-row table by our
/// client beside net-snmp's own <c>snmpbulkwalk</c> (same max-repetitions, same run; the tool's time includes its
/// process start, measured separately as a one-object walk), and GETs per second with 16 requests outstanding
/// beside one at a time, in SNMPv2c and SNMPv3 authPriv (SHA, AES).
/// </summary>
public static class SnmpBenchSuite
{
    public const int Rows = 10_000;
    public const int MaxRepetitions = 50;

    public static async Task<BenchReport> RunAsync(MeasureOptions options, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var timer = new Stopwatcher(options);
        await using var client = new SnmpClient();
        progress?.Invoke($"starting snmpd with a {Rows:N0}-row table");
        await using var snmpd = await BenchSnmpd.StartAsync(Rows, client, cancellationToken).ConfigureAwait(false);
        var v2c = SnmpTarget.V2c(snmpd.EndPoint);
        var v3 = SnmpTarget.V3(snmpd.EndPoint, BenchSnmpd.User);
        var cases = new List<BenchCase>();
        progress?.Invoke("bulk walk: ours beside snmpbulkwalk");
        cases.Add(await WalkAsync(client, v2c, snmpd, timer, cancellationToken).ConfigureAwait(false));
        progress?.Invoke("GETs per second, v2c and v3 authPriv");
        cases.Add(await GetsAsync(client, v2c, "v2c", timer, cancellationToken).ConfigureAwait(false));
        cases.Add(await GetsAsync(client, v3, "v3-authpriv", timer, cancellationToken).ConfigureAwait(false));
        return new BenchReport("snmp", MachineInfo.Current(), cases);
    }

    private static async Task<BenchCase> WalkAsync(SnmpClient client, SnmpTarget target, BenchSnmpd snmpd, Stopwatcher timer, CancellationToken cancellationToken)
    {
        var ours = await timer.MeasureAsync("NetControl SnmpClient.WalkAsync", async () =>
        {
            int n = 0;
            await foreach (var _ in client.WalkAsync(target, BenchSnmpd.TableRoot, MaxRepetitions, cancellationToken).ConfigureAwait(false))
            {
                n++;
            }

            return n == Rows ? n : throw new BenchmarkSetupException($"our walk returned {n} rows, expected {Rows}");
        }).ConfigureAwait(false);
        string agent = $"127.0.0.1:{snmpd.EndPoint.Port}";
        var theirs = await timer.MeasureAsync("net-snmp snmpbulkwalk (process)", () => RunToolAsync(agent, BenchSnmpd.TableRoot, Rows, cancellationToken)).ConfigureAwait(false);
        var startOnly = await timer.MeasureAsync("net-snmp snmpbulkwalk of one object", () => RunToolAsync(agent, $"{BenchSnmpd.TableRoot}.1", 1, cancellationToken)).ConfigureAwait(false);
        return new BenchCase
        {
            Name = $"snmp/snmpd/bulkwalk-{Rows}",
            Description = $"GETBULK walk of a {Rows:N0}-row table served by snmpd, max-repetitions {MaxRepetitions}, v2c",
            Ours = ours,
            Baseline = theirs,
            BaselineNote = "net-snmp's snmpbulkwalk -Cr50, including its process start",
            Agree = true,
            Result = new Dictionary<string, double>
            {
                ["rows"] = Rows,
                ["rowsPerSecondOurs"] = Math.Round(Rows / (ours.MedianMs / 1000), 0),
                ["snmpbulkwalkOneObjectMs"] = Math.Round(startOnly.MedianMs, 3),
                ["snmpbulkwalkMinusStartMs"] = Math.Round(theirs.MedianMs - startOnly.MedianMs, 3),
            },
        };
    }

    private static async Task<BenchCase> GetsAsync(SnmpClient client, SnmpTarget target, string label, Stopwatcher timer, CancellationToken cancellationToken)
    {
        const int Batch = 500;
        const int Window = 16;
        string[] oid = [WellKnownOids.SysUpTime];
        var pipelined = await timer.MeasureAsync($"NetControl SnmpClient, {Window} outstanding", async () =>
        {
            // A window, not all at once: a burst of hundreds of datagrams overflows the agent's socket buffer.
            int next = 0;
            async Task Worker()
            {
                while (Interlocked.Increment(ref next) <= Batch)
                {
                    await client.GetAsync(target, oid, cancellationToken).ConfigureAwait(false);
                }
            }

            await Task.WhenAll(Enumerable.Range(0, Window).Select(_ => Worker())).ConfigureAwait(false);
            return Batch;
        }).ConfigureAwait(false);
        var serial = await timer.MeasureAsync("NetControl SnmpClient, one at a time", async () =>
        {
            for (int i = 0; i < Batch; i++)
            {
                await client.GetAsync(target, oid, cancellationToken).ConfigureAwait(false);
            }

            return Batch;
        }).ConfigureAwait(false);
        return new BenchCase
        {
            Name = $"snmp/snmpd/get-{label}-{Batch}",
            Description = string.Create(CultureInfo.InvariantCulture, $"{Batch} GETs of sysUpTime.0 ({label}), {Window} outstanding vs one at a time"),
            Ours = pipelined,
            Baseline = serial,
            BaselineNote = "the same GETs strictly one after another",
            Result = new Dictionary<string, double>
            {
                ["getsPerSecondPipelined"] = Math.Round(Batch / (pipelined.MedianMs / 1000), 0),
                ["getsPerSecondSerial"] = Math.Round(Batch / (serial.MedianMs / 1000), 0),
            },
        };
    }

    private static async ValueTask<int> RunToolAsync(string agent, string root, int expected, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("/usr/bin/snmpbulkwalk") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { "-v2c", "-c", "public", $"-Cr{MaxRepetitions}", "-On", "-Oq", agent, root })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["MIBS"] = string.Empty;
        using var process = Process.Start(start) ?? throw new BenchmarkSetupException("could not start /usr/bin/snmpbulkwalk");
        string output = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        int lines = output.Count(c => c == '\n');
        return process.ExitCode == 0 && lines == expected
            ? lines
            : throw new BenchmarkSetupException($"snmpbulkwalk exited {process.ExitCode} with {lines} lines, expected {expected}");
    }
}

using System.Globalization;
using NetControl.Benchmarking.Measurement;
using NetControl.Benchmarking.Reporting;
using NetControl.Core.Devices;
using NetControl.Core.Topology;
using NetControl.Drivers.Tl1.Drivers;
using NetControl.Drivers.Tl1.Session;
using NetControl.Drivers.Tl1.Transport;
using NetControl.Simulators.Optical.Server;

namespace NetControl.Benchmarking.Suites;

/// <summary>
/// <c>netctl bench tl1</c>: one TL1 session over loopback TCP to a simulated Glimmerglass switch, at a switch command
/// latency of 0 ms (protocol and stack overhead alone) and 20 ms (a real switch): cross-connect make + verify
/// (<c>ENT-CRS-FIBER</c>, then <c>RTRV-CRS-FIBER</c> to read device truth), and commands per second with many commands
/// outstanding (pipelined) beside strictly one at a time (MonALISA serialised every command on one socket).
/// </summary>
public static class Tl1BenchSuite
{
    public const string Switch = "GVA-GG";

    public static async Task<BenchReport> RunAsync(NetworkTopology topology, MeasureOptions options, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var timer = new Stopwatcher(options);
        var cases = new List<BenchCase>();
        foreach (int latencyMs in new[] { 0, 20 })
        {
            progress?.Invoke($"TL1 to a simulated Glimmerglass answering in {latencyMs} ms");
            await using var simulator = await OpticalSimulator.StartAsync(topology).ConfigureAwait(false);
            simulator.Network.GetSwitch(Switch).Faults.SetLatency(TimeSpan.FromMilliseconds(latencyMs));
            int port = simulator.Endpoints.Single(e => e.Name == Switch).Tl1Port;
            await using var session = new Tl1Session(
                new TcpTl1Transport("127.0.0.1", port),
                new Tl1SessionOptions { Device = Switch, UserName = "bench", Password = "bench", KeepAliveInterval = Timeout.InfiniteTimeSpan });
            await session.StartAsync(cancellationToken).ConfigureAwait(false);
            var driver = new GlimmerglassTl1Driver(session);
            cases.Add(await MakeVerifyAsync(driver, timer, latencyMs).ConfigureAwait(false));
            cases.Add(await ThroughputAsync(session, timer, latencyMs, cancellationToken).ConfigureAwait(false));
        }

        return new BenchReport("tl1", MachineInfo.Current(), cases);
    }

    /// <summary>Alternately makes and breaks a duplex cross-connect, each followed by a read-back that must confirm it.</summary>
    private static async Task<BenchCase> MakeVerifyAsync(GlimmerglassTl1Driver driver, Stopwatcher timer, int latencyMs)
    {
        var connection = new CrossConnect("10001", "20005", Duplex: true);
        bool connected = false;
        var sample = await timer.MeasureAsync("NetControl GlimmerglassTl1Driver apply/remove + read-back", async () =>
        {
            if (connected)
            {
                await driver.RemoveAsync(connection).ConfigureAwait(false);
            }
            else
            {
                await driver.ApplyAsync(connection).ConfigureAwait(false);
            }

            connected = !connected;
            var truth = await driver.ReadCrossConnectsAsync().ConfigureAwait(false);
            bool present = truth.Any(s => s.Connection == driver.Canonical(connection));
            return present == connected
                ? truth.Count
                : throw new BenchmarkSetupException($"{Switch}: read-back does not show the cross-connect {(connected ? "made" : "broken")}");
        }).ConfigureAwait(false);
        return new BenchCase
        {
            Name = $"tl1/glimmerglass-{latencyMs}ms/make-verify",
            Description = $"duplex cross-connect made or broken, then read back and checked (2 commands; switch latency {latencyMs} ms)",
            Ours = sample,
            Result = new Dictionary<string, double>
            {
                ["switchLatencyMs"] = latencyMs,
                ["overheadMs"] = Math.Round(sample.MedianMs - (2 * latencyMs), 3),
            },
        };
    }

    /// <summary>A batch of keep-alive commands: all outstanding at once, beside one at a time, on the same session.</summary>
    private static async Task<BenchCase> ThroughputAsync(Tl1Session session, Stopwatcher timer, int latencyMs, CancellationToken cancellationToken)
    {
        int batch = latencyMs == 0 ? 200 : 50;
        var pipelined = await timer.MeasureAsync("NetControl Tl1Session, all outstanding", async () =>
        {
            var sends = new Task<Tl1Result>[batch];
            for (int i = 0; i < batch; i++)
            {
                sends[i] = session.SendAsync("RTRV-HDR", cancellationToken: cancellationToken);
            }

            return (await Task.WhenAll(sends).ConfigureAwait(false)).Length;
        }).ConfigureAwait(false);
        var serial = await timer.MeasureAsync("strictly serial (one command outstanding)", async () =>
        {
            for (int i = 0; i < batch; i++)
            {
                await session.SendAsync("RTRV-HDR", cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            return batch;
        }).ConfigureAwait(false);
        return new BenchCase
        {
            Name = $"tl1/glimmerglass-{latencyMs}ms/commands-{batch}",
            Description = string.Create(CultureInfo.InvariantCulture, $"{batch} RTRV-HDR on one session, pipelined vs serial (switch latency {latencyMs} ms)"),
            Ours = pipelined,
            Baseline = serial,
            BaselineNote = "the same commands sent strictly one after another on the same session",
            Result = new Dictionary<string, double>
            {
                ["commandsPerSecondPipelined"] = Math.Round(batch / (pipelined.MedianMs / 1000), 1),
                ["commandsPerSecondSerial"] = Math.Round(batch / (serial.MedianMs / 1000), 1),
                ["switchLatencyMs"] = latencyMs,
            },
        };
    }
}

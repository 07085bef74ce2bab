using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NetControl.Benchmarking.Measurement;
using NetControl.Benchmarking.Reporting;
using NetControl.Benchmarking.Suites;
using NetControl.Cli.Output;

namespace NetControl.Cli.Commands;

/// <summary><c>netctl bench graph [--json] [--data DIR] [--quick]</c>, <c>netctl bench tl1|snmp [--json] [--quick]</c>.</summary>
internal static class BenchCommand
{
    public static Command Create(CliConsole console) => new("bench", "Measure performance, ours beside a baseline in the same run") { Graph(console), Tl1(console), Snmp(console), Provisioning(console), Restoration(console), Probes(console), Ingest(console), Dashboard(console) };

    private static Command Graph(CliConsole console)
    {
        var data = new Option<string?>("--data") { Description = "Reference data directory (default: shared/data above the working directory, or NETCONTROL_DATA)" };
        var quick = Quick();
        var json = CommonOptions.Json();
        var command = new Command("graph", "Overlay trees (PlanetLab490, 2,000-node mesh), dynamic updates, constrained and Yen paths (KDL) vs QuikGraph") { data, quick, json };
        command.SetAction(parse =>
        {
            bool asJson = parse.GetValue(json);
            var report = GraphBenchSuite.Run(
                parse.GetValue(data),
                parse.GetValue(quick) ? MeasureOptions.Quick : MeasureOptions.Standard,
                step => console.Error.WriteLine($"netctl: bench: {step}"));
            Print(console, report, asJson);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Tl1(CliConsole console) => Suite(
        console,
        "tl1",
        "TL1 to a simulated Glimmerglass: cross-connect make + verify, commands/s pipelined vs serial",
        (options, progress, ct) => Tl1BenchSuite.RunAsync(DemoTopology.Load(), options, progress, ct));

    private static Command Snmp(CliConsole console) => Suite(
        console,
        "snmp",
        "SNMP against a real snmpd: 10,000-row bulk walk vs snmpbulkwalk, GETs/s pipelined vs serial (v2c, v3)",
        SnmpBenchSuite.RunAsync);

    private static Command Provisioning(CliConsole console) => Suite(
        console,
        "provisioning",
        "Lightpath setup on germany50 and Geant2012 made photonic, switches answering in 20 ms: p50/p99 and ratio to the switch latency, vs serial",
        LightpathBenchSuite.RunProvisioningAsync);

    private static Command Restoration(CliConsole console) => Suite(
        console,
        "restoration",
        "Restoration of the lightpaths crossing a cable cut (at least 200) on germany50 made photonic, and 1+1 switchover, switches answering in 20 ms",
        LightpathBenchSuite.RunRestorationAsync);

    private static Command Probes(CliConsole console) => Suite(
        console,
        "probes",
        "STAMP probes on emulated links with known truth (RTT, jitter, loss, available bandwidth): error of every metric, probes/s one agent sustains; beside ping and iperf3 on a namespace pair",
        ProbeBenchSuite.RunAsync);

    private static Command Ingest(CliConsole console) => Suite(
        console,
        "ingest",
        "Measurements/s from agents over MQTT into link state, none lost: the embedded broker beside Debian's mosquitto",
        IngestBenchSuite.RunAsync);

    private static Command Dashboard(CliConsole console) => Suite(
        console,
        "dashboard",
        "Dashboard over SignalR: updates/s delivered to the page in chromium and the delay from ingest to the browser (1,000 and 10,000 updates/s), beside the .NET SignalR client",
        (options, progress, ct) => DashboardBenchSuite.RunAsync(DemoTopology.Load(), options, progress, ct));

    /// <summary>A suite that needs no data directory: <c>--quick</c>, <c>--json</c>, progress on standard error.</summary>
    private static Command Suite(CliConsole console, string name, string description, Func<MeasureOptions, Action<string>, CancellationToken, Task<BenchReport>> run)
    {
        var quick = Quick();
        var json = CommonOptions.Json();
        var command = new Command(name, description) { quick, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var report = await run(
                parse.GetValue(quick) ? MeasureOptions.Quick : MeasureOptions.Standard,
                step => console.Error.WriteLine($"netctl: bench: {step}"),
                cancellationToken).ConfigureAwait(false);
            Print(console, report, parse.GetValue(json));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<bool> Quick() => new("--quick") { Description = "Few iterations: checks the benchmark runs; figures are noisy" };

    private static void Print(CliConsole console, BenchReport report, bool asJson)
    {
        if (asJson)
        {
            console.Json(report, BenchJsonContext.Default.BenchReport);
        }
        else
        {
            Write(console.Out, report);
        }
    }

    private static void Write(TextWriter w, BenchReport report)
    {
        w.WriteLine($"bench {report.Suite}: {report.Machine.Cores} cores, {report.Machine.Runtime}, {(report.Machine.Release ? "Release" : "Debug build: figures are not representative")}");
        var rows = report.Cases.Select(c => new[]
        {
            c.Name,
            Ms(c.Ours.MedianMs),
            Ms(c.Ours.P95Ms),
            c.Baseline is null ? "-" : Ms(c.Baseline.MedianMs),
            c.Speedup is { } s ? s.ToString("0.##", CultureInfo.InvariantCulture) + "x" : "-",
            c.TargetMs is { } t ? $"< {Ms(t)} {(c.TargetMet == true ? "met" : "MISSED")}" : "-",
            c.Agree is { } a ? (a ? "yes" : "NO") : "-",
        });
        TextTable.Write(w, ["case", "ours median ms", "p95", "baseline ms", "speedup", "target", "agree"], rows);
        foreach (var c in report.Cases)
        {
            w.WriteLine($"  {c.Name}: {c.Description}; {string.Join(", ", c.Result.Select(kv => $"{kv.Key} {kv.Value.ToString("0.####", CultureInfo.InvariantCulture)}"))}{(c.BaselineNote is null ? string.Empty : $" ({c.BaselineNote})")}");
        }
    }

    private static string Ms(double ms) => ms.ToString(ms < 1 ? "0.0000" : "0.###", CultureInfo.InvariantCulture);
}

using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using NetControl.Benchmarking.Dashboard;
using NetControl.Benchmarking.Measurement;
using NetControl.Benchmarking.Reporting;
using NetControl.Controller.Hosting;
using NetControl.Controller.Telemetry;
using NetControl.Controller.Security;
using NetControl.Core.Topology;

namespace NetControl.Benchmarking.Suites;

/// <summary>
/// <c>netctl bench dashboard</c>: link-quality updates published into the controller's dashboard feed at a steady rate
/// (the point where telemetry, link state and lightpaths hand their changes to the hub), delivered over SignalR
/// (WebSockets, coalesced every 100 ms) to the dashboard page in chromium, which records each update's delay from
/// ingest to its arrival in the page. The baseline in the same run: the .NET SignalR client subscribed to the same feed
/// at the same time. Three cases: 1,000 updates/s on 2,000 links (nothing to coalesce: every update is delivered),
/// 10,000 updates/s on 200 links (coalesced to the latest per link each flush), and 1,000 probe samples/s recorded into
/// the controller's link telemetry, timed from each sample's end (so the dashboard's poll of link quality is included).
/// </summary>
public static class DashboardBenchSuite
{
    /// <summary>DESIGN.md: 1,000 updates/s coalesced to the browser with under 250 ms end-to-end delay.</summary>
    public const double TargetDelayMs = 250;

    public const double TargetPerSecond = 1000;

    public static async Task<BenchReport> RunAsync(NetworkTopology topology, MeasureOptions options, Action<string> progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        bool quick = options == MeasureOptions.Quick;
        var duration = TimeSpan.FromSeconds(quick ? 4 : 15);
        string token = "bench-viewer-" + Guid.NewGuid().ToString("N");
        var hostOptions = new ControllerOptions
        {
            Listen = "http://127.0.0.1:0",
            Topology = topology,
            Tokens = [new ApiToken(token, "bench", ApiRole.Viewer)],
            Telemetry = new TelemetryOptions { BrokerPort = 0, ControllerSecret = "bench-" + Guid.NewGuid().ToString("N") },
        };
        await using var host = await ControllerHost.StartAsync(hostOptions, NullLoggerFactory.Instance, cancellationToken: cancellationToken).ConfigureAwait(false);
        var telemetry = host.Telemetry ?? throw new BenchmarkSetupException("the controller started without telemetry");
        progress($"controller on {host.Address}; opening the dashboard in chromium");
        await using var browser = await BrowserClient.OpenAsync(host.Address, token).ConfigureAwait(false);
        await using var dotnet = await DotNetClient.ConnectAsync(host.Address, token, cancellationToken).ConfigureAwait(false);

        var cases = new List<BenchCase>();
        foreach (var (rate, links) in new[] { (1000, 2000), (10_000, 200) })
        {
            if (!quick)
            {
                progress($"{rate:N0} updates/s on {links:N0} links: warm-up (not counted)");
                await FeedWorkload.RunAsync(host.Dashboard, rate, links, TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
                await Task.Delay(1000, cancellationToken).ConfigureAwait(false);
            }

            _ = await browser.TakeDelaysAsync().ConfigureAwait(false);
            _ = dotnet.TakeDelays();
            progress($"{rate:N0} updates/s on {links:N0} links for {duration.TotalSeconds:0} s");
            long published = await FeedWorkload.RunAsync(host.Dashboard, rate, links, duration, cancellationToken).ConfigureAwait(false);
            await Task.Delay(1500, cancellationToken).ConfigureAwait(false);
            double[] page = await browser.TakeDelaysAsync().ConfigureAwait(false);
            double[] net = dotnet.TakeDelays();
            progress(Invariant($"  published {published:N0}; chromium received {page.Length:N0}, .NET client {net.Length:N0}"));
            cases.Add(Case(rate, links, duration, published, page, net));
        }

        progress($"probe samples into link telemetry, 1,000/s on 2,000 links for {duration.TotalSeconds:0} s");
        _ = await browser.TakeSampleDelaysAsync().ConfigureAwait(false);
        _ = dotnet.TakeSampleDelays();
        long recorded = await TelemetryWorkload.RunAsync(telemetry.Links, 1000, 2000, duration, cancellationToken).ConfigureAwait(false);
        await Task.Delay(1500, cancellationToken).ConfigureAwait(false);
        double[] fromSample = await browser.TakeSampleDelaysAsync().ConfigureAwait(false);
        double[] fromSampleNet = dotnet.TakeSampleDelays();
        progress(Invariant($"  recorded {recorded:N0}; chromium received {fromSample.Length:N0}, .NET client {fromSampleNet.Length:N0}"));
        cases.Add(TelemetryCase(duration, recorded, fromSample, fromSampleNet));
        return new BenchReport("dashboard", MachineInfo.Current(), cases);
    }

    private static BenchCase TelemetryCase(TimeSpan duration, long recorded, double[] page, double[] net)
    {
        var baseCase = Case(1000, 2000, duration, recorded, page, net);
        return baseCase with
        {
            Name = "dashboard/telemetry-1000-per-s-2000-links",
            Description = Invariant($"delay from a probe sample's end, recorded into the controller's LinkTelemetry (after MQTT, which `netctl bench ingest` measures), to its quality update's arrival in the client (ms): 1,000 samples/s for {duration.TotalSeconds:0} s on 2,000 links; covers the dashboard's poll of link quality (every 100 ms), the flush, SignalR and the client"),
        };
    }

    private static BenchCase Case(int rate, int links, TimeSpan duration, long published, double[] page, double[] net)
    {
        if (page.Length == 0 || net.Length == 0)
        {
            throw new BenchmarkSetupException($"no update reached {(page.Length == 0 ? "the page" : "the .NET client")} at {rate} updates/s");
        }

        var ours = Sample.Of("dashboard page in chromium (SignalR JS client, WebSockets)", page);
        var baseline = Sample.Of(".NET SignalR client, same feed, same time", net);
        var sortedPage = page.Order().ToList();
        var sortedNet = net.Order().ToList();
        bool coalescing = links * 10 < rate;
        return new BenchCase
        {
            Name = Invariant($"dashboard/{rate}-per-s-{links}-links"),
            Description = Invariant($"delay from ingest into the dashboard feed to arrival in the client (ms), {rate:N0} link-quality updates/s for {duration.TotalSeconds:0} s cycling over {links:N0} links, flushed every 100 ms{(coalescing ? "; more updates per link per flush than one, so coalesced to the latest" : "; at most one update per link per flush, so every update is delivered")}; the browser also draws what it receives"),
            Ours = ours,
            Baseline = baseline,
            BaselineNote = "the .NET SignalR client subscribed to the same hub during the same run (no rendering)",
            TargetMs = TargetDelayMs,
            Agree = coalescing ? null : page.Length == published && net.Length == published,
            Result = new Dictionary<string, double>
            {
                ["published"] = published,
                ["published per s"] = Math.Round(published / duration.TotalSeconds),
                ["browser updates"] = page.Length,
                ["browser updates per s"] = Math.Round(page.Length / duration.TotalSeconds),
                ["browser p99 ms"] = Math.Round(Sample.Percentile(sortedPage, 0.99), 1),
                ["browser max ms"] = Math.Round(sortedPage[^1], 1),
                [".NET updates per s"] = Math.Round(net.Length / duration.TotalSeconds),
                [".NET p99 ms"] = Math.Round(Sample.Percentile(sortedNet, 0.99), 1),
                [".NET max ms"] = Math.Round(sortedNet[^1], 1),
            },
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using NetControl.Benchmarking.Measurement;
using NetControl.Benchmarking.Suites;
using NetControl.Dashboard.Tests.Support;

namespace NetControl.Dashboard.Tests.Bench;

/// <summary>
/// <c>netctl bench dashboard --quick</c> runs end to end: chromium and the .NET client both get every update at 1,000/s,
/// fed into the dashboard or recorded into link telemetry, and fewer (coalesced) at 10,000/s on 200 links.
/// </summary>
public sealed class DashboardBenchSuiteTests
{
    [Fact]
    public async Task RunAsync_Quick_DeliversEveryUpdateToTheBrowserAndTheBaseline()
    {
        var steps = new List<string>();

        var report = await DashboardBenchSuite.RunAsync(TestTopologies.UsLhcNet, MeasureOptions.Quick, steps.Add);

        Assert.Equal("dashboard", report.Suite);
        Assert.Equal(3, report.Cases.Count);
        var steady = report.Cases[0];
        Assert.Equal("dashboard/1000-per-s-2000-links", steady.Name);
        Assert.True(steady.Agree, string.Join("; ", steps));
        Assert.True(steady.Result["browser updates per s"] >= 900, $"{steady.Result["browser updates per s"]} updates/s reached chromium");
        Assert.True(steady.Ours.MedianMs > 0 && steady.Baseline!.MedianMs > 0);
        var burst = report.Cases[1];
        Assert.True(burst.Result["browser updates"] < burst.Result["published"], "10,000 updates/s on 200 links were not coalesced");
        Assert.Equal(burst.Result["browser updates per s"], burst.Result[".NET updates per s"], 0.1 * burst.Result["browser updates per s"]);
        var telemetry = report.Cases[2];
        Assert.Equal("dashboard/telemetry-1000-per-s-2000-links", telemetry.Name);
        Assert.True(telemetry.Agree, string.Join("; ", steps));
    }
}

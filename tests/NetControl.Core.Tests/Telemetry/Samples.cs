using NetControl.Core.Telemetry;
using NetControl.Tests.Shared;

namespace NetControl.Core.Tests.Telemetry;

/// <summary>Builds samples on a 1 s grid from a fixed start, and a clock a day later so none is "from the future".</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static LinkSample At(
        int second,
        string link = "cern-chi",
        double loss = 0,
        double? rtt = 50,
        double? jitter = 1,
        string source = "a1",
        double? availableLow = null,
        double? availableHigh = null)
    {
        const long sent = 100;
        long lost = (long)Math.Round(loss * sent);
        return new LinkSample(
            link, source, Start.AddSeconds(second), TimeSpan.FromSeconds(1), sent, lost, loss, rtt, jitter, availableLow, availableHigh);
    }

    public static ManualTimeProvider Clock() => new(Start.AddDays(1));

    public static LinkTelemetry Telemetry(LinkTelemetryOptions? options = null) => new(options, Clock());
}

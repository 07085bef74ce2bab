using NetControl.Core.Telemetry;

namespace NetControl.Core.Tests.Telemetry;

public sealed class LinkTelemetryRejectionTests
{
    public static TheoryData<string, SampleRejection> Malformed() => new()
    {
        { "empty link", SampleRejection.EmptyLinkId },
        { "null link", SampleRejection.EmptyLinkId },
        { "default struct", SampleRejection.EmptyLinkId },
        { "empty source", SampleRejection.EmptySource },
        { "zero interval", SampleRejection.InvalidInterval },
        { "negative interval", SampleRejection.InvalidInterval },
        { "negative sent", SampleRejection.NegativeCount },
        { "negative lost", SampleRejection.NegativeCount },
        { "lost > sent", SampleRejection.LostExceedsSent },
        { "loss NaN", SampleRejection.LossOutOfRange },
        { "loss > 1", SampleRejection.LossOutOfRange },
        { "loss < 0", SampleRejection.LossOutOfRange },
        { "rtt NaN", SampleRejection.InvalidRtt },
        { "rtt negative", SampleRejection.InvalidRtt },
        { "rtt infinite", SampleRejection.InvalidRtt },
        { "jitter NaN", SampleRejection.InvalidJitter },
        { "jitter negative", SampleRejection.InvalidJitter },
        { "bandwidth NaN", SampleRejection.InvalidBandwidth },
        { "bandwidth negative", SampleRejection.InvalidBandwidth },
        { "bandwidth low > high", SampleRejection.InvalidBandwidth },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void TryRecord_MalformedSample_ReturnsFalseAndCountsReason(string name, SampleRejection expected)
    {
        var telemetry = Samples.Telemetry();

        bool accepted = telemetry.TryRecord(Build(name), out SampleRejection reason);

        Assert.False(accepted);
        Assert.Equal(expected, reason);
        Assert.Equal(1, telemetry.Counters.RejectedFor(expected));
        Assert.Equal(1, telemetry.Counters.Rejected);
        Assert.Equal(0, telemetry.Counters.Accepted);
        Assert.Empty(telemetry.All());
    }

    [Fact]
    public void TryRecord_IntervalEndingBeyondClockSkew_RejectedFromFuture()
    {
        var clock = Samples.Clock();
        var telemetry = new LinkTelemetry(new LinkTelemetryOptions { MaxClockSkew = TimeSpan.FromSeconds(5) }, clock);
        var now = clock.GetUtcNow();
        var sample = Samples.At(0) with { IntervalStart = now.AddSeconds(4) }; // ends at now + 5 s: accepted
        var later = sample with { IntervalStart = now.AddSeconds(4.5) };        // ends past now + 5 s

        Assert.True(telemetry.TryRecord(sample));
        Assert.False(telemetry.TryRecord(later, out var reason));
        Assert.Equal(SampleRejection.FromFuture, reason);
        Assert.Equal(1, telemetry.Counters.RejectedFor(SampleRejection.FromFuture));
    }

    [Fact]
    public void TryRecord_RedeliveredOrOlderFromSameSource_RejectedStale()
    {
        var telemetry = Samples.Telemetry();
        Assert.True(telemetry.TryRecord(Samples.At(5)));

        Assert.False(telemetry.TryRecord(Samples.At(5), out var duplicate));
        Assert.False(telemetry.TryRecord(Samples.At(4), out var older));
        Assert.True(telemetry.TryRecord(Samples.At(4, source: "a2"))); // another agent has its own clock

        Assert.Equal(SampleRejection.Stale, duplicate);
        Assert.Equal(SampleRejection.Stale, older);
        Assert.Equal(2, telemetry.Counters.RejectedFor(SampleRejection.Stale));
        Assert.Equal(2, telemetry.Counters.Accepted);
        Assert.Equal(2, telemetry.History("cern-chi").Count);
    }

    [Fact]
    public void TryRecord_NewLinkBeyondMaxLinks_RejectedTooManyLinks()
    {
        var telemetry = Samples.Telemetry(new LinkTelemetryOptions { MaxLinks = 2 });
        Assert.True(telemetry.TryRecord(Samples.At(0, link: "a")));
        Assert.True(telemetry.TryRecord(Samples.At(0, link: "b")));

        Assert.False(telemetry.TryRecord(Samples.At(0, link: "c"), out var reason));
        Assert.True(telemetry.TryRecord(Samples.At(1, link: "a")));

        Assert.Equal(SampleRejection.TooManyLinks, reason);
        Assert.Equal(1, telemetry.Counters.RejectedFor(SampleRejection.TooManyLinks));
        Assert.Null(telemetry.Latest("c"));
    }

    [Fact]
    public void RecordRange_MixedBatch_ReturnsAcceptedCount()
    {
        var telemetry = Samples.Telemetry();
        LinkSample[] batch = [Samples.At(0), Samples.At(1) with { LossRatio = 2 }, Samples.At(2), Samples.At(2)];

        Assert.Equal(2, telemetry.RecordRange(batch));
        Assert.Equal(2, telemetry.Counters.Accepted);
        Assert.Equal(1, telemetry.Counters.RejectedFor(SampleRejection.LossOutOfRange));
        Assert.Equal(1, telemetry.Counters.RejectedFor(SampleRejection.Stale));
    }

    private static LinkSample Build(string name)
    {
        LinkSample s = Samples.At(0);
        return name switch
        {
            "empty link" => s with { LinkId = " " },
            "null link" => s with { LinkId = null! },
            "default struct" => default,
            "empty source" => s with { Source = "" },
            "zero interval" => s with { Interval = TimeSpan.Zero },
            "negative interval" => s with { Interval = TimeSpan.FromSeconds(-1) },
            "negative sent" => s with { Sent = -1, Lost = 0 },
            "negative lost" => s with { Lost = -1 },
            "lost > sent" => s with { Sent = 10, Lost = 11 },
            "loss NaN" => s with { LossRatio = double.NaN },
            "loss > 1" => s with { LossRatio = 1.01 },
            "loss < 0" => s with { LossRatio = -0.01 },
            "rtt NaN" => s with { RttMedianMs = double.NaN },
            "rtt negative" => s with { RttMedianMs = -3 },
            "rtt infinite" => s with { RttMedianMs = double.PositiveInfinity },
            "jitter NaN" => s with { JitterMs = double.NaN },
            "jitter negative" => s with { JitterMs = -0.1 },
            "bandwidth NaN" => s with { AvailableMbpsLow = double.NaN },
            "bandwidth negative" => s with { AvailableMbpsHigh = -5 },
            "bandwidth low > high" => s with { AvailableMbpsLow = 900, AvailableMbpsHigh = 800 },
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }
}

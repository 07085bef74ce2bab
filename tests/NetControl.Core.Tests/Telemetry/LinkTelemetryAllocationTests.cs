using NetControl.Core.Telemetry;

namespace NetControl.Core.Tests.Telemetry;

public sealed class LinkTelemetryAllocationTests
{
    [Fact]
    public void TryRecord_SteadyStateWithoutEvents_AllocatesNothingPerSample()
    {
        var telemetry = Samples.Telemetry(new LinkTelemetryOptions { HistoryCapacity = 64 });
        LinkSample[] warmup = new LinkSample[200];
        for (int s = 0; s < warmup.Length; s++)
        {
            warmup[s] = Samples.At(s);
        }

        telemetry.RecordRange(warmup); // fills the ring, raises the first quality event, JITs the path
        var samples = new LinkSample[20_000];
        for (int s = 0; s < samples.Length; s++)
        {
            samples[s] = Samples.At(warmup.Length + s);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        int accepted = telemetry.RecordRange(samples);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(samples.Length, accepted);
        Assert.True(allocated < 1024, $"recording {samples.Length} samples allocated {allocated} bytes");
    }
}

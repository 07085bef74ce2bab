using NetControl.Probes.Metrics;

namespace NetControl.Probes.Tests.Metrics;

public sealed class InterarrivalJitterTests
{
    [Fact]
    public void Compute_ThreeTransits_AppliesTheOneSixteenthFilter()
    {
        // D1 = 160 ticks: J = 0 + (160 - 0) / 16 = 10; D2 = -160: J = 10 + (160 - 10) / 16 = 19.375.
        var jitter = InterarrivalJitter.Compute([TimeSpan.FromTicks(100), TimeSpan.FromTicks(260), TimeSpan.FromTicks(100)]);

        Assert.Equal(19.375, jitter.Ticks);
        Assert.Equal(TimeSpan.FromTicks(19), jitter.Value);
        Assert.Equal(3, jitter.Samples);
    }

    [Fact]
    public void Compute_ConstantTransit_IsZero()
    {
        var jitter = InterarrivalJitter.Compute(Enumerable.Repeat(TimeSpan.FromMilliseconds(5), 100));

        Assert.Equal(0, jitter.Ticks);
    }

    [Fact]
    public void Compute_SingleTransit_IsZeroWithOneSample()
    {
        var jitter = InterarrivalJitter.Compute([TimeSpan.FromMilliseconds(5)]);

        Assert.Equal(TimeSpan.Zero, jitter.Value);
        Assert.Equal(1, jitter.Samples);
    }
}

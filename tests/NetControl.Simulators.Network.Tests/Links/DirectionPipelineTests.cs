using NetControl.Core.Units;
using NetControl.Simulators.Network.Bottleneck;
using NetControl.Simulators.Network.Impairments;
using NetControl.Simulators.Network.Links;

namespace NetControl.Simulators.Network.Tests.Links;

public sealed class DirectionPipelineTests
{
    private const long Frequency = 999_983;

    private static List<long> Releases(DirectionSettings settings, int count, double gapSeconds)
    {
        var pipeline = new DirectionPipeline(settings, Frequency, new Random(11), 0);
        var releases = new List<long>();
        for (var i = 0; i < count; i++)
        {
            Assert.True(pipeline.Admit((long)(i * gapSeconds * Frequency), 100, cut: false, out var release));
            releases.Add(release);
        }

        return releases;
    }

    [Fact]
    public void Admit_JitterPreservingOrder_NeverReorders()
    {
        var settings = new DirectionSettings { Delay = TimeSpan.FromMilliseconds(10), Jitter = JitterSettings.Exponential(TimeSpan.FromMilliseconds(2)) };
        var releases = Releases(settings, 5_000, 0.0005);
        Assert.Equal(releases.Order(), releases);
    }

    [Fact]
    public void Admit_JitterAllowingReorder_Reorders()
    {
        var settings = new DirectionSettings
        {
            Delay = TimeSpan.FromMilliseconds(10),
            Jitter = JitterSettings.Exponential(TimeSpan.FromMilliseconds(2)),
            Order = JitterOrder.AllowReorder,
        };
        var releases = Releases(settings, 5_000, 0.0005);
        Assert.NotEqual(releases.Order(), releases);
        Assert.All(releases.Select((r, i) => r - (long)(i * 0.0005 * Frequency)), d => Assert.True(d >= 0.010 * Frequency - 1));
    }

    [Fact]
    public void Truth_UniformJitter_ReportsAppliedExtraDelay()
    {
        var settings = new DirectionSettings
        {
            Delay = TimeSpan.FromMilliseconds(5),
            Jitter = JitterSettings.Uniform(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1)),
            Order = JitterOrder.AllowReorder,
        };
        var pipeline = new DirectionPipeline(settings, Frequency, new Random(2), 0);
        for (var i = 0; i < 20_000; i++)
        {
            pipeline.Admit(i * 1000L, 100, cut: false, out _);
        }

        var truth = pipeline.Truth();
        Assert.Equal(TimeSpan.FromMilliseconds(5), truth.BaseDelay);
        Assert.InRange(truth.ExtraDelay.Mean.TotalMilliseconds, 0.97, 1.03);
        Assert.InRange(truth.ExtraDelay.Median.TotalMilliseconds, 0.95, 1.05);
        Assert.InRange(truth.AppliedDelay.Median.TotalMilliseconds, 5.95, 6.05);
        Assert.Equal(20_000, truth.PacketsIn);
    }

    [Fact]
    public void Admit_Cut_DropsAndCountsCut()
    {
        var pipeline = new DirectionPipeline(DirectionSettings.Ideal, Frequency, new Random(2), 0);
        Assert.False(pipeline.Admit(0, 100, cut: true, out _));
        Assert.Equal(1, pipeline.Truth().DroppedCut);
    }

    [Fact]
    public void Truth_BottleneckWithCross_ReportsAvailableBandwidth()
    {
        var settings = new DirectionSettings
        {
            Bottleneck = new BottleneckSettings { Capacity = DataRate.FromMbps(100), CrossTraffic = CrossTrafficSettings.Poisson(DataRate.FromMbps(30)) },
        };
        var truth = new DirectionPipeline(settings, Frequency, new Random(2), 0).Truth();
        Assert.Equal(DataRate.FromMbps(100), truth.Capacity);
        Assert.Equal(DataRate.FromMbps(30), truth.CrossTrafficRate);
        Assert.Equal(DataRate.FromMbps(70), truth.AvailableBandwidth);
    }

    [Fact]
    public void FromFibreLength_2000Km_Is10Ms()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(10), DirectionSettings.FromFibreLength(2000).Delay);
    }
}

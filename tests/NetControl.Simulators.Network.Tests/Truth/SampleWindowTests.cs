using NetControl.Simulators.Network.Truth;

namespace NetControl.Simulators.Network.Tests.Truth;

public sealed class SampleWindowTests
{
    [Fact]
    public void Snapshot_OneToHundred_MedianAndMean()
    {
        var window = new SampleWindow(1000);
        for (var i = 1; i <= 100; i++)
        {
            window.Add(i / 1000.0);
        }

        var stats = window.Snapshot();
        Assert.Equal(100, stats.Count);
        Assert.Equal(50.5, stats.Mean.TotalMilliseconds, 3);
        Assert.Equal(50.5, stats.Median.TotalMilliseconds, 3);
        Assert.Equal(100, stats.Max.TotalMilliseconds, 3);
    }

    [Fact]
    public void Snapshot_Empty_IsEmpty()
    {
        Assert.Same(DelayStatistics.Empty, new SampleWindow().Snapshot());
    }
}

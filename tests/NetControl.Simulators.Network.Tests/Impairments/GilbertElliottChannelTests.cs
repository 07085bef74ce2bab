using NetControl.Simulators.Network.Impairments;

namespace NetControl.Simulators.Network.Tests.Impairments;

public sealed class GilbertElliottChannelTests
{
    [Fact]
    public void NextIsLost_SeededRandom_MeanBurstLengthIsInverseOfR()
    {
        var settings = new GilbertElliottSettings(P: 0.01, R: 0.25);
        var channel = new GilbertElliottChannel(settings, new Random(42));
        var bursts = new List<int>();
        var run = 0;
        var lost = 0;
        const int n = 400_000;
        for (var i = 0; i < n; i++)
        {
            if (channel.NextIsLost())
            {
                lost++;
                run++;
            }
            else if (run > 0)
            {
                bursts.Add(run);
                run = 0;
            }
        }

        Assert.InRange(bursts.Average(), 4 * 0.9, 4 * 1.1);
        Assert.InRange((double)lost / n, settings.StationaryLoss * 0.85, settings.StationaryLoss * 1.15);
    }

    [Fact]
    public void NextIsLost_LossInGoodOnly_NeverEntersBadState()
    {
        var channel = new GilbertElliottChannel(new GilbertElliottSettings(P: 0, R: 1, LossInBad: 1, LossInGood: 0.5), new Random(1));
        var lost = Enumerable.Range(0, 10_000).Count(_ => channel.NextIsLost());
        Assert.False(channel.InBadState);
        Assert.InRange(lost, 4_700, 5_300);
    }
}

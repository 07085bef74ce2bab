using NetControl.Simulators.Network.Impairments;

namespace NetControl.Simulators.Network.Tests.Impairments;

public sealed class LossModelTests
{
    [Fact]
    public void Next_BernoulliTenPercent_WithinBinomialInterval()
    {
        var model = new LossModel(LossSettings.Random(0.1), new Random(7));
        const int n = 20_000;
        var lost = Enumerable.Range(0, n).Count(_ => model.Next() == LossVerdict.RandomLoss);
        var sigma = Math.Sqrt(n * 0.1 * 0.9);
        Assert.InRange(lost, (n * 0.1) - (1.96 * sigma), (n * 0.1) + (1.96 * sigma));
    }

    [Fact]
    public void Next_NoLoss_AlwaysPasses()
    {
        var model = new LossModel(LossSettings.None, new Random(7));
        Assert.All(Enumerable.Range(0, 1000), _ => Assert.Equal(LossVerdict.Pass, model.Next()));
    }
}

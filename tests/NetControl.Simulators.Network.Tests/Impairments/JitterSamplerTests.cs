using NetControl.Simulators.Network.Impairments;

namespace NetControl.Simulators.Network.Tests.Impairments;

public sealed class JitterSamplerTests
{
    public static TheoryData<string> Kinds => new() { "uniform", "normal", "exponential" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void NextSeconds_EachKind_MeanMatchesAndNeverNegative(string kind)
    {
        var mean = TimeSpan.FromMilliseconds(2);
        var settings = kind switch
        {
            "uniform" => JitterSettings.Uniform(mean, TimeSpan.FromMilliseconds(1)),
            "normal" => JitterSettings.Normal(mean, TimeSpan.FromMicroseconds(500)),
            _ => JitterSettings.Exponential(mean),
        };
        var sampler = new JitterSampler(settings, new Random(3));
        var draws = Enumerable.Range(0, 50_000).Select(_ => sampler.NextSeconds()).ToArray();
        Assert.All(draws, d => Assert.True(d >= 0));
        Assert.InRange(draws.Average(), 0.002 * 0.97, 0.002 * 1.03);
    }

    [Fact]
    public void Validate_UniformWiderThanMean_Throws()
    {
        var settings = JitterSettings.Uniform(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2));
        Assert.Throws<NetControl.Simulators.Network.Links.InvalidLinkSettingsException>(() => settings.Validate("x"));
    }
}

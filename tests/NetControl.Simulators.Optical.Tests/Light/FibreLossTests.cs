using NetControl.Simulators.Optical.Light;

namespace NetControl.Simulators.Optical.Tests.Light;

public sealed class FibreLossTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(10.0, 2.7)]
    [InlineData(80.0, 18.1)]
    [InlineData(80.5, 0.5)]
    [InlineData(8400.0, 0.5)]
    public void Of_Length_AttenuationPlusConnectorsOrAmplified(double km, double expected)
    {
        Assert.Equal(expected, FibreLoss.Of(km, new LightOptions()), 1e-9);
    }

    [Fact]
    public void Of_UnknownLength_ConnectorsOnly()
    {
        Assert.Equal(0.5, FibreLoss.Of(null, new LightOptions()), 1e-9);
    }

    [Fact]
    public void Of_AmplifiedWithResidual_AddsResidual()
    {
        Assert.Equal(3.5, FibreLoss.Of(1000, new LightOptions { AmplifiedSpanLossDb = 3 }), 1e-9);
    }

    [Fact]
    public void Reading_NoPower_IsTheFloor()
    {
        Assert.Equal(-60, OpticalPower.Reading(0, -60));
        Assert.Equal(-60, OpticalPower.Reading(OpticalPower.ToMilliwatts(-75), -60));
        Assert.Equal(-3, OpticalPower.Reading(OpticalPower.ToMilliwatts(-3), -60), 1e-9);
    }
}

using NetControl.Core.Telemetry;

namespace NetControl.Core.Tests.Telemetry;

public sealed class QualityFormulaTests
{
    [Fact]
    public void Evaluate_DefaultCoefficients_IsMonAlisaFormula()
    {
        // 1000 / (1 + 50 + 7*2 + 8*1.5) = 1000 / 77
        Assert.Equal(1000.0 / 77, QualityFormula.MonAlisa.Evaluate(rttMs: 50, lossPercent: 2, jitterMs: 1.5), 12);
        Assert.Equal(1000, new QualityFormula().Evaluate(0, 0, 0));
    }

    [Fact]
    public void Evaluate_CustomCoefficients_UsesThem()
    {
        var formula = new QualityFormula { Scale = 100, RttWeight = 0.5, LossWeight = 10, JitterWeight = 0 };

        Assert.Equal(100.0 / (1 + 10 + 30), formula.Evaluate(rttMs: 20, lossPercent: 3, jitterMs: 99), 12);
    }

    [Fact]
    public void Evaluate_Sample_ConvertsLossRatioToPercent()
    {
        var sample = Samples.At(0, loss: 0.04, rtt: 10, jitter: 2);

        Assert.Equal(1000.0 / (1 + 10 + 28 + 16), QualityFormula.MonAlisa.Evaluate(sample), 12);
    }

    [Fact]
    public void Evaluate_SampleWithEverythingLost_IsZero()
    {
        Assert.Equal(0, QualityFormula.MonAlisa.Evaluate(Samples.At(0, loss: 1, rtt: null, jitter: null)));
    }

    [Fact]
    public void Evaluate_SampleWithoutRttOrJitter_CountsThemAsZero()
    {
        Assert.Equal(1000.0 / (1 + 70), QualityFormula.MonAlisa.Evaluate(Samples.At(0, loss: 0.1, rtt: null, jitter: null)), 12);
    }

    [Fact]
    public void Validate_NegativeWeight_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new QualityFormula { JitterWeight = -1 }.Validate());

        Assert.Equal("JitterWeight", e.ParamName);
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinkTelemetry(new LinkTelemetryOptions { HistoryCapacity = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new LinkTelemetry(new LinkTelemetryOptions { Alarms = new ProbeAlarmPolicy { DegradedLossRatio = 0.95 } }));
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new LinkTelemetry(new LinkTelemetryOptions { Alarms = new ProbeAlarmPolicy { RttDegradedFactor = 0.5 } }));
    }
}

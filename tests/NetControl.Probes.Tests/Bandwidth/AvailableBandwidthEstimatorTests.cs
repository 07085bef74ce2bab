using NetControl.Core.Units;
using NetControl.Probes.Bandwidth;

namespace NetControl.Probes.Tests.Bandwidth;

public sealed class AvailableBandwidthEstimatorTests
{
    private static QueueModelTransport Model(double capacity, double cross, CrossTraffic kind = CrossTraffic.Poisson, int seed = 11) =>
        new(new BottleneckQueueModel(capacity, cross, kind, seed) { CbrJitter = 0.02 });

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public async Task EstimateAsync_SmallBudget_BytesSentWithinBudgetAndNotConverged(int fleets)
    {
        var options = new AvailableBandwidthOptions { InterStreamGap = TimeSpan.Zero };
        options = options with { MaxProbeBytes = (fleets * options.FleetBytes) + 1234 };
        var transport = Model(100e6, 40e6);

        var estimate = await new AvailableBandwidthEstimator(transport, options).EstimateAsync(CancellationToken.None);

        Assert.True(estimate.BytesSent <= options.MaxProbeBytes, $"{estimate.BytesSent} > {options.MaxProbeBytes}");
        Assert.Equal(transport.BytesSent, estimate.BytesSent);
        Assert.Equal(transport.Streams, estimate.Streams);
        Assert.Equal(EstimateStopReason.ProbeBudgetExhausted, estimate.Reason);
        Assert.False(estimate.Converged);
        Assert.True(estimate.Fleets.Count >= fleets);
    }

    [Fact]
    public async Task EstimateAsync_BudgetBelowOneFleet_SendsNothing()
    {
        var options = new AvailableBandwidthOptions { MaxProbeBytes = 1000 };
        var transport = Model(100e6, 0);

        var estimate = await new AvailableBandwidthEstimator(transport, options).EstimateAsync(CancellationToken.None);

        Assert.Equal(0, estimate.BytesSent);
        Assert.Equal(0, transport.Streams);
        Assert.Equal(EstimateStopReason.ProbeBudgetExhausted, estimate.Reason);
        Assert.Equal(options.MinimumRate, estimate.Low);
        Assert.Equal(options.MaximumRate, estimate.High);
    }

    [Fact]
    public async Task EstimateAsync_DefaultBudget_ConvergesWithinIt()
    {
        var options = new AvailableBandwidthOptions { InterStreamGap = TimeSpan.Zero };

        var estimate = await new AvailableBandwidthEstimator(Model(200e6, 60e6), options).EstimateAsync(CancellationToken.None);

        Assert.True(estimate.Converged);
        Assert.True(estimate.BytesSent <= options.MaxProbeBytes);
        Assert.Equal(ReceiveTimestampClock.Simulated, estimate.Clock);
        Assert.True(estimate.Contains(DataRate.FromMbps(140), 0.15), $"{estimate.Low}-{estimate.High}");
    }

    [Fact]
    public async Task EstimateAsync_PathFasterThanMaximum_AboveMaximumRate()
    {
        var options = new AvailableBandwidthOptions { MaximumRate = DataRate.FromMbps(100), InterStreamGap = TimeSpan.Zero };

        var estimate = await new AvailableBandwidthEstimator(Model(1000e6, 100e6), options).EstimateAsync(CancellationToken.None);

        Assert.Equal(EstimateStopReason.AboveMaximumRate, estimate.Reason);
        Assert.True(estimate.Converged);
        Assert.True(estimate.Low.BitsPerSecond >= 90e6);
    }

    [Fact]
    public async Task EstimateAsync_FewFleetsAllowed_FleetLimit()
    {
        var options = new AvailableBandwidthOptions { MaxFleets = 2, InterStreamGap = TimeSpan.Zero };

        var estimate = await new AvailableBandwidthEstimator(Model(100e6, 30e6), options).EstimateAsync(CancellationToken.None);

        Assert.Equal(EstimateStopReason.FleetLimit, estimate.Reason);
        Assert.Equal(2, estimate.Fleets.Count);
        Assert.False(estimate.Converged);
    }

    [Fact]
    public async Task EstimateAsync_SenderCannotPace_SenderLimited()
    {
        var estimate = await new AvailableBandwidthEstimator(new SlowSender(), new AvailableBandwidthOptions { InterStreamGap = TimeSpan.Zero })
            .EstimateAsync(CancellationToken.None);

        Assert.Equal(EstimateStopReason.SenderLimited, estimate.Reason);
        Assert.False(estimate.Converged);
    }

    [Fact]
    public async Task EstimateAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new AvailableBandwidthEstimator(Model(100e6, 0)).EstimateAsync(cts.Token));
    }

    [Fact]
    public void Constructor_InconsistentOptions_Throws()
    {
        var options = new AvailableBandwidthOptions { MinimumRate = DataRate.FromMbps(10), MaximumRate = DataRate.FromMbps(5) };

        Assert.Throws<ArgumentException>(() => new AvailableBandwidthEstimator(Model(100e6, 0), options));
    }

    /// <summary>Paces every stream at half the requested rate.</summary>
    private sealed class SlowSender : IProbeStreamTransport
    {
        public ReceiveTimestampClock Clock => ReceiveTimestampClock.Simulated;

        public Task<ProbeStreamResult> SendStreamAsync(ProbeStreamRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new ProbeStreamResult(request, new double[request.PacketCount], request.RateBitsPerSecond / 2, request.Bytes, TimeSpan.Zero, Clock));
    }
}

using NetControl.Core.Units;
using NetControl.Simulators.Network.Namespaces;
using NetControl.Simulators.Network.Tests.Support;
using Xunit.Abstractions;

namespace NetControl.Simulators.Network.Tests.Namespaces;

[Collection(RealTimeCollection.Name)]
public sealed class NamespacePairTests
{
    private readonly ITestOutputHelper _output;

    public NamespacePairTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task CreateAsync_Pair_PingAcrossVethWorks()
    {
        await using var pair = await NamespacePair.CreateAsync();
        var result = await pair.RunAsync(NamespaceSide.A, "/usr/bin/ping", ["-c", "3", "-i", "0.2", "-W", "2", pair.AddressB.ToString()], TimeSpan.FromSeconds(15));
        Assert.Contains("3 received", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeAsync_AfterUse_LeavesNoNamespace()
    {
        var pair = await NamespacePair.CreateAsync();
        Assert.True(await NamespacePair.ExistsAsync(pair.NameA));
        Assert.True(await NamespacePair.ExistsAsync(pair.NameB));
        await using (pair.Start(NamespaceSide.B, "/usr/bin/sleep", ["30"]))
        {
        }

        _ = pair.Start(NamespaceSide.A, "/usr/bin/sleep", ["30"]);
        await pair.DisposeAsync();
        Assert.False(await NamespacePair.ExistsAsync(pair.NameA));
        Assert.False(await NamespacePair.ExistsAsync(pair.NameB));
    }

    [Fact]
    public async Task SetRateLimitAsync_Tbf20Mbit_LimitsTcpTransfer()
    {
        await using var pair = await NamespacePair.CreateAsync();
        await pair.SetRateLimitAsync(NamespaceSide.A, DataRate.FromMbps(20));
        var rate = await pair.MeasureTcpThroughputAsync(NamespaceSide.A, TimeSpan.FromSeconds(3));
        _output.WriteLine($"iperf3 TCP through tbf 20 Mbit/s: {rate}");
        Assert.InRange(rate.BitsPerSecond / 1e6, 20 * 0.8, 20 * 1.05);
    }

    [Fact]
    public async Task StartUdpCrossTrafficAsync_5Mbit_ServerReceivesIt()
    {
        await using var pair = await NamespacePair.CreateAsync();
        await using var cross = await pair.StartUdpCrossTrafficAsync(NamespaceSide.A, DataRate.FromMbps(5), TimeSpan.FromSeconds(1));
        var client = await cross.Client.WaitForExitAsync(TimeSpan.FromSeconds(20));
        _output.WriteLine(client.StandardOutput.Split('\n').LastOrDefault(l => l.Contains("receiver", StringComparison.Ordinal)) ?? client.StandardOutput);
        Assert.Contains("receiver", client.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_FailingCommand_ThrowsWithStderr()
    {
        await using var pair = await NamespacePair.CreateAsync();
        var error = await Assert.ThrowsAsync<CommandFailedException>(() => pair.RunAsync(NamespaceSide.A, "/usr/sbin/ip", ["link", "show", "no-such-device"]));
        Assert.Contains("no-such-device", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.NotNull(error.ExitCode);
    }

    [Fact]
    public async Task RunAsync_Timeout_ThrowsTransient()
    {
        await using var pair = await NamespacePair.CreateAsync();
        var error = await Assert.ThrowsAsync<CommandFailedException>(() => pair.RunAsync(NamespaceSide.B, "/usr/bin/sleep", ["10"], TimeSpan.FromMilliseconds(300)));
        Assert.True(error.TimedOut);
        Assert.True(error.IsTransient);
    }
}

using NetControl.Drivers.Host.Configuration;
using NetControl.Drivers.Host.Shell;
using NetControl.Drivers.Host.Steps;

namespace NetControl.Drivers.Host.Tests;

/// <summary>Command lines as a dry run prints them, and TCP buffer sizing.</summary>
public sealed class HostCommandTests
{
    [Theory]
    [InlineData(new[] { "ip", "addr", "add", "10.0.0.1/24", "dev", "eth0" }, "ip addr add 10.0.0.1/24 dev eth0")]
    [InlineData(new[] { "sysctl", "-q", "-w", "net.ipv4.tcp_rmem=4096 131072 7500000" }, "sysctl -q -w 'net.ipv4.tcp_rmem=4096 131072 7500000'")]
    [InlineData(new[] { "echo", "it's", "" }, "echo 'it'\\''s' ''")]
    public void ToString_Arguments_QuotedForAPosixShell(string[] argv, string expected) =>
        Assert.Equal(expected, HostCommand.Of(argv).ToString());

    [Fact]
    public void Equals_SameArguments_AreEqual() =>
        Assert.Equal(HostCommand.Of("ip", "link"), HostCommand.Of("ip", "link"));

    [Theory]
    [InlineData(10e9, 3, 7_500_000)]
    [InlineData(10e9, 150, 375_000_000)]
    [InlineData(1e9, 1, TcpTuning.MinBuffer)]
    [InlineData(100e9, 200, TcpTuning.MaxBuffer)]
    public void BufferBytes_BandwidthTimesRtt_TwiceTheProductWithinBounds(double bps, int rttMs, long expected) =>
        Assert.Equal(expected, TcpTuning.BufferBytes(bps, TimeSpan.FromMilliseconds(rttMs)));

    [Fact]
    public void Steps_TenGigabit_SetsBuffersCongestionAndQueue()
    {
        var steps = TcpTuning.Steps(10e9, TimeSpan.FromMilliseconds(150), "eth0", "bbr");

        Assert.Equal(
            ["sysctl net.core.rmem_max = 375000000", "sysctl net.core.wmem_max = 375000000", "sysctl net.ipv4.tcp_rmem = 4096 131072 375000000",
             "sysctl net.ipv4.tcp_wmem = 4096 16384 375000000", "sysctl net.ipv4.tcp_congestion_control = bbr", "txqueuelen 10000 on eth0"],
            steps.Select(s => s.Describe()));
    }

    [Fact]
    public void Normalize_TabsAndNewline_OneSpace() =>
        Assert.Equal("4096 131072 6291456", Sysctl.Normalize("4096\t131072\t6291456\n"));
}

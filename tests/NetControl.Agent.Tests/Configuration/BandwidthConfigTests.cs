using System.Net;
using NetControl.Agent.Configuration;

namespace NetControl.Agent.Tests.Configuration;

public sealed class BandwidthConfigTests
{
    private const string Head = "agentId: a1\nbroker: {secret: x}\njournal: j\ntargets:\n  - id: ams\n    address: 10.0.0.1:862\n    bandwidthAddress: 10.0.0.1:8620\n  - id: nyc\n    address: 10.0.0.2:862\n";

    private static AgentConfig Parse(string yaml) => AgentConfigLoader.Parse(yaml, "agent.yaml", "/tmp", _ => null);

    private static string Error(string yaml) => Assert.Throws<AgentException>(() => Parse(yaml)).Message;

    [Fact]
    public void Parse_BandwidthSection_Read()
    {
        var config = Parse(Head + "bandwidth:\n  listen: 0.0.0.0:8620\n  everyMs: 60000\n  maxBytes: 4000000\n  maxMbps: 100\n  targets: [ams]\n");

        var b = config.Bandwidth!;
        Assert.Equal(new IPEndPoint(IPAddress.Any, 8620), b.Listen);
        Assert.Equal(TimeSpan.FromMinutes(1), b.Every);
        Assert.Equal(4_000_000, b.MaxBytes);
        Assert.Equal((1, 100), (b.MinMbps, b.MaxMbps));
        Assert.Equal(["ams"], b.TargetIds);
        Assert.Equal(new HostPort("10.0.0.1", 8620), config.Targets[0].BandwidthAddress);
        Assert.Null(config.Targets[1].BandwidthAddress);
    }

    [Fact]
    public void Parse_ReceiverOnly_Defaults()
    {
        var b = Parse(Head + "bandwidth: {listen: '127.0.0.1:0'}\n").Bandwidth!;

        Assert.Equal((TimeSpan.FromMinutes(5), 16_000_000L, 1, 1000), (b.Every, b.MaxBytes, b.MinMbps, b.MaxMbps));
        Assert.Empty(b.TargetIds);
    }

    [Theory]
    [InlineData("bandwidth: {targets: [lon]}\n", "agent.yaml:10:23: bandwidth.targets[0]: no target 'lon' in targets")]
    [InlineData("bandwidth: {targets: [nyc]}\n", "agent.yaml:10:23: bandwidth.targets[0]: target 'nyc' has no bandwidthAddress (the peer's bandwidth.listen)")]
    [InlineData("bandwidth: {targets: [ams, ams]}\n", "agent.yaml:10:28: bandwidth.targets[1]: target 'ams' is listed twice")]
    [InlineData("bandwidth: {maxBytes: 1000}\n", "agent.yaml:10:23: bandwidth.maxBytes: must be between 1200000 and 1000000000, got 1000")]
    [InlineData("bandwidth: {minMbps: 50, maxMbps: 50}\n", "agent.yaml:10:35: bandwidth.maxMbps: the rate range is empty (minMbps 50, maxMbps 50)")]
    [InlineData("bandwidth: {every: 5}\n", "agent.yaml:10:13: bandwidth.every: unknown key (expected one of listen, everyMs, maxBytes, minMbps, maxMbps, targets)")]
    public void Parse_BadBandwidthSection_Rejected(string section, string expected) => Assert.Equal(expected, Error(Head + section));

    [Fact]
    public void Parse_BadBandwidthAddress_Rejected() =>
        Assert.Equal("agent.yaml:7:23: targets[0].bandwidthAddress: 'x' is not host:port", Error("agentId: a1\nbroker: {secret: x}\njournal: j\ntargets:\n  - id: t\n    address: h:1\n    bandwidthAddress: x\n"));
}

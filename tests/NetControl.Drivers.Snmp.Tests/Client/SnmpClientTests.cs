using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using NetControl.Drivers.Snmp.Client;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Drivers.Snmp.Security;
using NetControl.Drivers.Snmp.Tests.Support;
using NetControl.Tests.Shared;

namespace NetControl.Drivers.Snmp.Tests.Client;

/// <summary>
/// Our client against scripted agents on loopback that answer with exactly the bytes a test needs: undecodable
/// replies (to every attempt, or then a good one), replies from elsewhere or with another community, lost requests, duplicated and late answers, and each reason to drop a datagram.
/// </summary>
public sealed class SnmpClientTests : IAsyncLifetime
{
    private const int DroppedEvent = 3400;
    private const int UndecodableEvent = 3401;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly ImmutableArray<byte> Engine = UsmEngine.CreateEngineId("fake-agent");
    private static readonly UsmUser User = new("monitor", SnmpAuthProtocol.HmacSha1, "monitor-auth-pass", SnmpPrivProtocol.None, null);
    private readonly LogCapture _log = new(LogLevel.Debug);
    private SnmpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = new SnmpClient(_log.For<SnmpClient>());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _client.DisposeAsync();

    [Fact]
    public async Task GetAsync_TruncatedReplyWithTheRequestIdToEveryAttempt_RetriesThenFailsWithDecodeError()
    {
        var time = new ManualTimeProvider();
        await using var client = new SnmpClient(_log.For<SnmpClient>(), time);
        await using var agent = new FakeSnmpAgent((_, request, _) => [ScriptedAnswers.V2c(request, "switch-a")[..^4]]);
        var target = SnmpTarget.V2c(agent.EndPoint) with { Timeout = TimeSpan.FromSeconds(2), Retries = 1 };

        var get = client.GetAsync(target, [WellKnownOids.SysName]);
        await Eventually.TrueAsync(() => _log.WithEvent(UndecodableEvent).Count == 1 && time.PendingTimers > 0);
        Assert.False(get.IsCompleted);   // recorded, not failed: the retry may still be answered
        time.Advance(target.Timeout);
        await Eventually.TrueAsync(() => _log.WithEvent(UndecodableEvent).Count == 2 && time.PendingTimers > 0);
        Assert.False(get.IsCompleted);
        time.Advance(target.Timeout);
        var error = await Assert.ThrowsAsync<SnmpDecodeErrorException>(() => get.WaitAsync(Wait));

        Assert.Equal(2, agent.Received);
        Assert.Equal(2, error.Attempts);
        Assert.Equal(agent.EndPoint, error.ReplyFrom);
        Assert.NotNull(error.DecodeError.Offset);
        Assert.Same(error.DecodeError, error.InnerException);
        Assert.Contains("no decodable reply in 2 attempt(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains($"undecodable reply from {agent.EndPoint}", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
        Assert.Equal(0, client.Dropped);
    }

    [Fact]
    public async Task GetAsync_TruncatedReplyThenGoodAnswerToTheRetry_ReturnsTheGoodValue()
    {
        var time = new ManualTimeProvider();
        await using var client = new SnmpClient(_log.For<SnmpClient>(), time);
        await using var agent = new FakeSnmpAgent((n, request, _) => n == 1 ? [ScriptedAnswers.V2c(request, "switch-a")[..^4]] : [ScriptedAnswers.V2c(request, "switch-a")]);
        var target = SnmpTarget.V2c(agent.EndPoint) with { Timeout = TimeSpan.FromSeconds(2), Retries = 1 };

        var get = client.GetAsync(target, [WellKnownOids.SysName]);
        await Eventually.TrueAsync(() => _log.WithEvent(UndecodableEvent).Count == 1 && time.PendingTimers > 0);
        time.Advance(target.Timeout);
        var result = await get.WaitAsync(Wait);

        Assert.Equal("switch-a", Assert.Single(result).Value.AsString());
        Assert.Equal(2, agent.Received);
        Assert.Equal(0, client.Dropped);
    }

    [Fact]
    public async Task GetAsync_UndecodableReplyWithTheRequestIdButAnotherCommunity_DroppedAndTheRequestTimesOut()
    {
        var time = new ManualTimeProvider();
        await using var client = new SnmpClient(_log.For<SnmpClient>(), time);
        await using var agent = new FakeSnmpAgent((_, request, _) => [ScriptedAnswers.V2c(request, "spoofed", community: "guess")[..^4]]);
        var target = SnmpTarget.V2c(agent.EndPoint) with { Timeout = TimeSpan.FromSeconds(2), Retries = 0 };

        var get = client.GetAsync(target, [WellKnownOids.SysName]);
        await Eventually.TrueAsync(() => client.Dropped == 1 && time.PendingTimers > 0);
        time.Advance(target.Timeout);

        await Assert.ThrowsAsync<SnmpTimeoutException>(() => get.WaitAsync(Wait));
        Assert.Contains("undecodable", Assert.Single(_log.WithEvent(DroppedEvent)).Message, StringComparison.Ordinal);
        Assert.Empty(_log.WithEvent(UndecodableEvent));
    }

    [Fact]
    public async Task GetAsync_V3ReplyMalformedAfterItsMsgId_RecordedAndFailsWithDecodeErrorAtTheTimeout()
    {
        var time = new ManualTimeProvider();
        await using var client = new SnmpClient(_log.For<SnmpClient>(), time);
        await using var agent = new FakeSnmpAgent((_, request, _) => ScriptedAnswers.IsDiscovery(request)
            ? [ScriptedAnswers.DiscoveryReport(request, Engine, 1, 1000)]
            : [[.. ScriptedAnswers.V3AuthNoPriv(request, User, Engine, 1, 1000, "switch-a"), 0x00, 0x00]]);
        var target = SnmpTarget.V3(agent.EndPoint, User) with { Timeout = TimeSpan.FromSeconds(2), Retries = 0 };

        var get = client.GetAsync(target, [WellKnownOids.SysName]);
        await Eventually.TrueAsync(() => _log.WithEvent(UndecodableEvent).Count == 1 && time.PendingTimers > 0);
        Assert.False(get.IsCompleted);
        time.Advance(target.Timeout);
        var error = await Assert.ThrowsAsync<SnmpDecodeErrorException>(() => get.WaitAsync(Wait));

        Assert.Equal(agent.EndPoint, error.ReplyFrom);
        Assert.Equal(1, error.Attempts);
        Assert.Equal(2, agent.Received);   // discovery, then the request
        Assert.Equal(0, client.Dropped);
    }

    [Fact]
    public async Task GetAsync_UndecodableReplyFromAnotherEndpoint_DroppedAndTheRealAnswerAccepted()
    {
        using var impostor = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        impostor.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        await using var agent = new FakeSnmpAgent((_, request, client) =>
        {
            // Same request-id, wrong source: it must not fail the request.
            impostor.SendTo(ScriptedAnswers.V2c(request, "impostor")[..^4], client);
            return [ScriptedAnswers.V2c(request, "switch-a")];
        });

        var result = await _client.GetAsync(SnmpTarget.V2c(agent.EndPoint), [WellKnownOids.SysName]).WaitAsync(Wait);

        Assert.Equal("switch-a", Assert.Single(result).Value.AsString());
        Assert.Equal(1, _client.Dropped);
        Assert.Contains("undecodable", Assert.Single(_log.WithEvent(DroppedEvent)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_FirstRequestLost_RetryIsAnswered()
    {
        var time = new ManualTimeProvider();
        await using var client = new SnmpClient(timeProvider: time);
        await using var agent = new FakeSnmpAgent((n, request, _) => n == 1 ? [] : [ScriptedAnswers.V2c(request, "switch-a")]);
        var target = SnmpTarget.V2c(agent.EndPoint) with { Timeout = TimeSpan.FromSeconds(2), Retries = 1 };

        var get = client.GetAsync(target, [WellKnownOids.SysName]);
        await Eventually.TrueAsync(() => agent.Received == 1 && time.PendingTimers > 0);
        time.Advance(TimeSpan.FromSeconds(2));
        var result = await get.WaitAsync(Wait);

        Assert.Equal("switch-a", Assert.Single(result).Value.AsString());
        Assert.Equal(2, agent.Received);
        Assert.Equal(0, client.Dropped);
    }

    [Fact]
    public async Task GetAsync_DuplicateAndLateAnswers_IgnoredWithoutHarm()
    {
        var time = new ManualTimeProvider();
        await using var client = new SnmpClient(_log.For<SnmpClient>(), time);
        byte[]? held = null;
        await using var agent = new FakeSnmpAgent((n, request, _) =>
        {
            string value = $"answer-{ScriptedAnswers.V2cRequestId(request)}";
            switch (n)
            {
                case 1:
                    held = ScriptedAnswers.V2c(request, value);   // answered late, after the retry's answer
                    return [];
                case 2:
                    return [ScriptedAnswers.V2c(request, value), held!];
                default:
                    return [ScriptedAnswers.V2c(request, value), ScriptedAnswers.V2c(request, value)];   // duplicated
            }
        });
        var target = SnmpTarget.V2c(agent.EndPoint) with { Timeout = TimeSpan.FromSeconds(2), Retries = 1 };

        var get = client.GetAsync(target, [WellKnownOids.SysName]);
        await Eventually.TrueAsync(() => agent.Received == 1 && time.PendingTimers > 0);
        time.Advance(TimeSpan.FromSeconds(2));
        var first = Assert.Single(await get.WaitAsync(Wait));
        var second = Assert.Single(await client.GetAsync(target, [WellKnownOids.SysName]).WaitAsync(Wait));
        var third = Assert.Single(await client.GetAsync(target, [WellKnownOids.SysName]).WaitAsync(Wait));
        await Eventually.TrueAsync(() => client.Dropped >= 3);
        Assert.Equal(3, client.Dropped);

        Assert.Equal(3, new[] { first, second, third }.Select(v => v.Value.AsString()).Distinct().Count());
        Assert.All(new[] { first, second, third }, v => Assert.StartsWith("answer-", v.Value.AsString(), StringComparison.Ordinal));
        Assert.Equal(4, agent.Received);
        Assert.Equal(3, _log.WithEvent(DroppedEvent).Count);
    }

    [Fact]
    public async Task Dispatch_EachDropReason_OneCountAndOneLogLine()
    {
        var stranger = User with { Name = "stranger" };
        await using var v2c = new FakeSnmpAgent((_, request, _) =>
        [
            [0x30, 0x03, 0x02, 0x01, 0x09],                                  // malformed, names no request
            ScriptedAnswers.V2c(request, "spoofed", community: "guess"),     // the request's id, another community
            ScriptedAnswers.V2c(request, "switch-a"),
        ]);
        await using var v3 = new FakeSnmpAgent((_, request, _) => ScriptedAnswers.IsDiscovery(request)
            ? [ScriptedAnswers.DiscoveryReport(request, Engine, 1, 1000)]
            :
            [
                ScriptedAnswers.V3AuthNoPriv(request, stranger, Engine, 1, 1000, "spoofed"),                                   // unknown user
                TestMessages.WithBadDigest(ScriptedAnswers.V3AuthNoPriv(request, User, Engine, 1, 1000, "spoofed")),          // bad digest
                ScriptedAnswers.V3AuthNoPriv(request, User, Engine, 1, 500, "replayed"),                                       // 500 s too old
                ScriptedAnswers.V3AuthNoPriv(request, User, Engine, 1, 1000, "switch-b"),
            ]);

        var viaV2c = await _client.GetAsync(SnmpTarget.V2c(v2c.EndPoint), [WellKnownOids.SysName]).WaitAsync(Wait);
        var viaV3 = await _client.GetAsync(SnmpTarget.V3(v3.EndPoint, User), [WellKnownOids.SysName]).WaitAsync(Wait);

        Assert.Equal("switch-a", Assert.Single(viaV2c).Value.AsString());
        Assert.Equal("switch-b", Assert.Single(viaV3).Value.AsString());
        Assert.Equal(5, _client.Dropped);
        var lines = _log.WithEvent(DroppedEvent);
        Assert.All(lines, l => Assert.Equal(LogLevel.Warning, l.Level));
        foreach (string reason in new[] { "undecodable", "wrong community", "unknown user", "wrong digest", "outside the time window" })
        {
            Assert.Single(lines, l => l.Message.Contains(reason, StringComparison.Ordinal));
        }
    }
}

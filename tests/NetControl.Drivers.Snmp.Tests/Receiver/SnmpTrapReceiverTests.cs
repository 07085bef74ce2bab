using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Drivers.Snmp.Receiver;
using NetControl.Drivers.Snmp.Security;
using NetControl.Drivers.Snmp.Tests.Support;
using NetControl.Tests.Shared;

namespace NetControl.Drivers.Snmp.Tests.Receiver;

/// <summary>
/// The receiver against datagrams we craft on loopback: every drop reason counted and logged once, the receive loop
/// surviving a failed inform acknowledgement, and notifications fanned out to every subscriber.
/// </summary>
public sealed class SnmpTrapReceiverTests : IAsyncLifetime
{
    private const int DroppedEvent = 3501;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly ImmutableArray<byte> SenderEngine = UsmEngine.CreateEngineId("trap-sender");
    private static readonly UsmUser AuthPriv = new("ops", SnmpAuthProtocol.HmacSha1, "ops-auth-pass", SnmpPrivProtocol.Aes128, "ops-priv-pass");
    private static readonly UsmUser AuthOnly = new("monitor", SnmpAuthProtocol.HmacSha256, "monitor-auth-pass", SnmpPrivProtocol.None, null);
    private readonly LogCapture _log = new(LogLevel.Debug);
    private readonly UdpClient _sender = new(new IPEndPoint(IPAddress.Loopback, 0));
    private SnmpTrapReceiver _receiver = null!;

    public Task InitializeAsync()
    {
        _receiver = new SnmpTrapReceiver(new SnmpTrapReceiverOptions { Users = [AuthPriv, AuthOnly] }, _log.For<SnmpTrapReceiver>());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _sender.Dispose();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task Receive_InformFromSourcePortZero_AckFailureCountedAndLoopKeepsReceiving()
    {
        Assert.True(RawUdp.Available(), "raw sockets need root (the test suite runs as root)");

        // Linux delivers the datagram with source port 0; answering it fails with EINVAL.
        RawUdp.Send(0, _receiver.EndPoint.Port, TestMessages.V2cNotification("public", up: false, ifIndex: 5, inform: true, requestId: 4242));
        var inform = await _receiver.Notifications.ReadAsync().AsTask().WaitAsync(Wait);
        await SendAsync(TestMessages.V2cNotification("public", up: true, ifIndex: 6));
        var next = await _receiver.Notifications.ReadAsync().AsTask().WaitAsync(Wait);

        Assert.True(inform.IsInform);
        Assert.Equal(0, inform.Source.Port);
        Assert.True(next.TryGetLinkChange(out int ifIndex, out bool up));
        Assert.Equal((6, true), (ifIndex, up));
        Assert.Equal(1, _receiver.Counters.AckFailures);
        Assert.Equal(0, _receiver.Counters.Dropped);
        var line = Assert.Single(_log.WithEvent(3502));
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("4242", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_EachDropReason_OneCounterAndOneLogLine()
    {
        await SendAsync([0x30, 0x82, 0xff, 0xff, 0x02]);                                           // truncated BER
        await SendAsync(TestMessages.V2cNotification("guess", up: false, ifIndex: 1));            // wrong community
        var stranger = AuthPriv with { Name = "stranger" };
        await SendAsync(TestMessages.V3Trap(stranger, SenderEngine, V3Flags.Auth | V3Flags.Priv, 5, 1000));
        await SendAsync(TestMessages.WithBadDigest(TestMessages.V3Trap(AuthPriv, SenderEngine, V3Flags.Auth | V3Flags.Priv, 5, 1000)));
        await SendAsync(TestMessages.V3Trap(AuthPriv, SenderEngine, V3Flags.Auth | V3Flags.Priv, 5, 1000, ifIndex: 2));
        await SendAsync(TestMessages.V3Trap(AuthPriv, SenderEngine, V3Flags.Auth | V3Flags.Priv, 5, 100));  // 900 s older than the last
        await SendAsync(TestMessages.V2cNotification("public", up: true, ifIndex: 9));

        var first = await _receiver.Notifications.ReadAsync().AsTask().WaitAsync(Wait);
        var last = await _receiver.Notifications.ReadAsync().AsTask().WaitAsync(Wait);

        Assert.Equal((SnmpVersion.V3, SnmpVersion.V2c), (first.Version, last.Version));
        SnmpDropReason[] expected = [SnmpDropReason.Malformed, SnmpDropReason.BadCommunity, SnmpDropReason.UnknownUser, SnmpDropReason.WrongDigest, SnmpDropReason.NotInTimeWindow];
        Assert.All(expected, reason => Assert.Equal(1, _receiver.Counters.Of(reason)));
        Assert.Equal(expected.Length, _receiver.Counters.Dropped);
        var lines = _log.WithEvent(DroppedEvent);
        Assert.Equal(expected.Order(), lines.Select(l => (SnmpDropReason)l.Values["Reason"]!).Order());
        Assert.All(lines, l => Assert.Equal(LogLevel.Warning, l.Level));
    }

    [Fact]
    public async Task Receive_SecurityLevels_CountedUnderTheirOwnReasons()
    {
        // noAuthNoPriv for a user configured with authentication: USM accepts it, the receiver must not.
        await SendAsync(TestMessages.V3Trap(AuthOnly, SenderEngine, V3Flags.None, 0, 0));
        // authPriv for a user without a privacy protocol: usmStatsUnsupportedSecLevels.
        await SendAsync(TestMessages.V3Trap(AuthOnly, SenderEngine, V3Flags.Auth | V3Flags.Priv, 1, 10, keysOf: AuthOnly with { Priv = SnmpPrivProtocol.Aes128, PrivPassword = "any-priv-pass" }));
        await SendAsync(TestMessages.V3Trap(AuthOnly, SenderEngine, V3Flags.Auth, 1, 10, up: true, ifIndex: 3));

        var n = await _receiver.Notifications.ReadAsync().AsTask().WaitAsync(Wait);

        Assert.Equal(AuthOnly.Name, n.Principal);
        Assert.Equal(1, _receiver.Counters.BelowConfiguredSecurityLevel);
        Assert.Equal(1, _receiver.Counters.UnsupportedSecurityLevel);
        Assert.Equal(0, _receiver.Counters.WrongDigest + _receiver.Counters.DecryptionError);
        Assert.Equal(
            [SnmpDropReason.UnsupportedSecurityLevel, SnmpDropReason.BelowConfiguredSecurityLevel],
            _log.WithEvent(DroppedEvent).Select(l => (SnmpDropReason)l.Values["Reason"]!).Order());
    }

    [Fact]
    public async Task Subscribe_TwoSubscribers_EachGetsEveryNotification()
    {
        using var first = _receiver.Subscribe();
        using var second = _receiver.Subscribe();

        await SendAsync(TestMessages.V2cNotification("public", up: false, ifIndex: 1));
        await SendAsync(TestMessages.V2cNotification("public", up: true, ifIndex: 2));

        foreach (var subscription in new[] { first, second })
        {
            var a = await subscription.Reader.ReadAsync().AsTask().WaitAsync(Wait);
            var b = await subscription.Reader.ReadAsync().AsTask().WaitAsync(Wait);
            Assert.Equal([WellKnownOids.LinkDown, WellKnownOids.LinkUp], new[] { a.TrapOid, b.TrapOid });
        }

        Assert.Equal(2, _receiver.Notifications.Count);
    }

    [Fact]
    public async Task Subscribe_ReceiverDisposed_ReaderCompletes()
    {
        using var subscription = _receiver.Subscribe();

        await _receiver.DisposeAsync();
        _receiver = new SnmpTrapReceiver();

        await subscription.Reader.Completion.WaitAsync(Wait);
    }

    private async Task SendAsync(byte[] datagram) => await _sender.SendAsync(datagram, _receiver.EndPoint);
}

using System.Net;
using System.Net.Sockets;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Drivers.Snmp.Receiver;
using NetControl.Drivers.Snmp.Tests.Fixtures;

namespace NetControl.Drivers.Snmp.Tests.Receiver;

/// <summary>net-snmp's snmptrap and snmpinform (v2c and v3) into our receiver, and bad input that must not get through.</summary>
public sealed class SnmpTrapReceiverInteropTests : IAsyncLifetime
{
    private const string SenderEngineHex = "80001F88046E6574637472617073656E646572";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private SnmpTrapReceiver _receiver = null!;

    private string Target => $"127.0.0.1:{_receiver.EndPoint.Port}";

    public Task InitializeAsync()
    {
        _receiver = new SnmpTrapReceiver(new SnmpTrapReceiverOptions
        {
            EndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            Users = [NetSnmpUser.Sha.ToUsmUser(), NetSnmpUser.Sha256.ToUsmUser(), NetSnmpUser.ShaAuthOnly.ToUsmUser(), NetSnmpUser.Sha256AuthOnly.ToUsmUser()],
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Snmptrap_V2cLinkDown_DeliveredWithIfIndex()
    {
        (await NetSnmpTool.RunStableAsync("snmptrap", "-v2c", "-c", "public", Target, "", WellKnownOids.LinkDown, $"{WellKnownOids.IfIndex}.7", "i", "7")).AssertSucceeded();

        var n = await _receiver.Notifications.ReadAsync().AsTask().WaitAsync(Wait);

        Assert.Equal(WellKnownOids.LinkDown, n.TrapOid);
        Assert.True(n.TryGetLinkChange(out int ifIndex, out bool up));
        Assert.Equal(7, ifIndex);
        Assert.False(up);
        Assert.Equal(SnmpVersion.V2c, n.Version);
        Assert.False(n.IsInform);
    }

    [Fact]
    public async Task Snmpinform_V2c_AcknowledgedSoTheToolSucceeds()
    {
        var run = await NetSnmpTool.RunStableAsync("snmpinform", "-v2c", "-c", "public", Target, "", WellKnownOids.LinkUp, $"{WellKnownOids.IfIndex}.2", "i", "2");

        run.AssertSucceeded();
        var n = await _receiver.Notifications.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.True(n.IsInform);
        Assert.True(n.TryGetLinkChange(out int ifIndex, out bool up));
        Assert.Equal((2, true), (ifIndex, up));
    }

    [Theory]
    [InlineData("SHA")]
    [InlineData("SHA-256")]
    public async Task Snmptrap_V3AuthPriv_DeliveredWithUserAndEngine(string auth)
    {
        var user = auth == "SHA" ? NetSnmpUser.Sha : NetSnmpUser.Sha256;

        (await NetSnmpTool.RunStableAsync("snmptrap", [.. user.ToolArguments(), "-e", $"0x{SenderEngineHex}", Target, "", WellKnownOids.LinkDown, $"{WellKnownOids.IfIndex}.4", "i", "4"])).AssertSucceeded();

        var n = await _receiver.Notifications.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal(SnmpVersion.V3, n.Version);
        Assert.Equal(user.Name, n.Principal);
        Assert.Equal(SenderEngineHex, Convert.ToHexString(n.EngineId.AsSpan()));
        Assert.True(n.TryGetLinkChange(out int ifIndex, out _));
        Assert.Equal(4, ifIndex);
    }

    [Theory]
    [InlineData("SHA")]
    [InlineData("SHA-256")]
    public async Task Snmptrap_V3AuthNoPriv_DeliveredWithUserAndEngine(string auth)
    {
        var user = auth == "SHA" ? NetSnmpUser.ShaAuthOnly : NetSnmpUser.Sha256AuthOnly;

        (await NetSnmpTool.RunStableAsync("snmptrap", [.. user.ToolArguments("authNoPriv"), "-e", $"0x{SenderEngineHex}", Target, "", WellKnownOids.LinkUp, $"{WellKnownOids.IfIndex}.3", "i", "3"])).AssertSucceeded();

        var n = await _receiver.Notifications.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal(SnmpVersion.V3, n.Version);
        Assert.Equal(user.Name, n.Principal);
        Assert.Equal(SenderEngineHex, Convert.ToHexString(n.EngineId.AsSpan()));
        Assert.True(n.TryGetLinkChange(out int ifIndex, out bool up));
        Assert.Equal((3, true), (ifIndex, up));
        Assert.Equal(0, _receiver.Counters.Dropped);
    }

    [Fact]
    public async Task Receive_WrongCommunityWrongPasswordAndGarbage_DroppedCountedAndLoopSurvives()
    {
        (await NetSnmpTool.RunStableAsync("snmptrap", "-v2c", "-c", "wrong", Target, "", WellKnownOids.LinkDown)).AssertSucceeded();
        var badUser = NetSnmpUser.Sha with { AuthPassword = "not-the-password" };
        (await NetSnmpTool.RunStableAsync("snmptrap", [.. badUser.ToolArguments("authNoPriv"), "-e", $"0x{SenderEngineHex}", Target, "", WellKnownOids.LinkDown])).AssertSucceeded();
        using (var udp = new UdpClient())
        {
            await udp.SendAsync(new byte[] { 0x30, 0x82, 0xff, 0xff, 0x02 }, _receiver.EndPoint);
            await udp.SendAsync(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x09 }, _receiver.EndPoint);
        }

        // A good trap after the bad ones still arrives, and is the only notification.
        (await NetSnmpTool.RunStableAsync("snmptrap", "-v2c", "-c", "public", Target, "", WellKnownOids.LinkUp, $"{WellKnownOids.IfIndex}.1", "i", "1")).AssertSucceeded();
        var n = await _receiver.Notifications.ReadAsync().AsTask().WaitAsync(Wait);

        Assert.Equal(WellKnownOids.LinkUp, n.TrapOid);
        Assert.False(_receiver.Notifications.TryRead(out _));
        Assert.Equal(1, _receiver.Counters.BadCommunity);
        Assert.Equal(1, _receiver.Counters.WrongDigest);
        Assert.Equal(2, _receiver.Counters.Malformed);
    }

    [Fact]
    public async Task Snmptrap_V3NoAuthForAnAuthPrivUser_DroppedAsBelowConfiguredSecurityLevel()
    {
        (await NetSnmpTool.RunStableAsync("snmptrap", [.. NetSnmpUser.Sha.ToolArguments("noAuthNoPriv"), "-e", $"0x{SenderEngineHex}", Target, "", WellKnownOids.LinkDown])).AssertSucceeded();
        (await NetSnmpTool.RunStableAsync("snmptrap", "-v2c", "-c", "public", Target, "", WellKnownOids.LinkUp)).AssertSucceeded();

        var n = await _receiver.Notifications.ReadAsync().AsTask().WaitAsync(Wait);

        Assert.Equal(WellKnownOids.LinkUp, n.TrapOid);
        Assert.Equal(1, _receiver.Counters.BelowConfiguredSecurityLevel);
        Assert.Equal(0, _receiver.Counters.WrongDigest);
    }

    [Fact]
    public async Task Snmptrap_V3OlderThanTheTimeWindow_DroppedAsNotInTimeWindow()
    {
        var user = NetSnmpUser.Sha;
        string[] trap = [Target, "", WellKnownOids.LinkDown];

        (await NetSnmpTool.RunStableAsync("snmptrap", [.. user.ToolArguments(), "-e", $"0x{SenderEngineHex}", "-Z", "5,1000", .. trap])).AssertSucceeded();
        (await NetSnmpTool.RunStableAsync("snmptrap", [.. user.ToolArguments(), "-e", $"0x{SenderEngineHex}", "-Z", "5,100", .. trap])).AssertSucceeded();
        (await NetSnmpTool.RunStableAsync("snmptrap", "-v2c", "-c", "public", Target, "", WellKnownOids.LinkUp)).AssertSucceeded();

        var first = await _receiver.Notifications.ReadAsync().AsTask().WaitAsync(Wait);
        var next = await _receiver.Notifications.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal(SnmpVersion.V3, first.Version);
        Assert.Equal(WellKnownOids.LinkUp, next.TrapOid);
        Assert.Equal(1, _receiver.Counters.NotInTimeWindow);
    }

    [Fact]
    public async Task Snmptrap_V3UnknownUser_DroppedAndCounted()
    {
        var stranger = new NetSnmpUser("stranger", "SHA", "stranger-auth-pass", "AES", "stranger-priv-pass");

        (await NetSnmpTool.RunStableAsync("snmptrap", [.. stranger.ToolArguments(), "-e", $"0x{SenderEngineHex}", Target, "", WellKnownOids.LinkDown])).AssertSucceeded();
        (await NetSnmpTool.RunStableAsync("snmptrap", "-v2c", "-c", "public", Target, "", WellKnownOids.LinkUp)).AssertSucceeded();

        var n = await _receiver.Notifications.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal(WellKnownOids.LinkUp, n.TrapOid);
        Assert.Equal(1, _receiver.Counters.UnknownUser);
    }
}

using System.Net;
using System.Net.Sockets;
using NetControl.Drivers.Snmp.Client;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Drivers.Snmp.Security;
using NetControl.Drivers.Snmp.Tests.Fixtures;

namespace NetControl.Drivers.Snmp.Tests.Client;

/// <summary>Our client against a real net-snmp snmpd started on a loopback port with its own configuration.</summary>
public sealed class SnmpClientInteropTests(SnmpdFixture snmpd) : IClassFixture<SnmpdFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly SnmpClient _client = new();

    private IPEndPoint Agent => new(IPAddress.Loopback, snmpd.Port);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _client.DisposeAsync();

    [Fact]
    public async Task GetAsync_V2c_SysNameFromTheConfiguration()
    {
        var result = await _client.GetAsync(SnmpTarget.V2c(Agent), [WellKnownOids.SysName]).WaitAsync(Wait);

        var vb = Assert.Single(result);
        Assert.Equal(WellKnownOids.SysName, vb.Oid);
        Assert.Equal(SnmpdFixture.SysName, vb.Value.AsString());
    }

    [Fact]
    public async Task GetAsync_V2cMissingObject_ExceptionValueNotError()
    {
        var result = await _client.GetAsync(SnmpTarget.V2c(Agent), ["1.3.6.1.2.1.1.99.0", "1.3.6.1.2.1.1.1.99"]).WaitAsync(Wait);

        Assert.All(result, vb => Assert.True(vb.Value.IsException));
    }

    [Fact]
    public async Task WalkAsync_SystemGroup_SameObjectsAsSnmpbulkwalk()
    {
        var ours = new List<VarBind>();
        await foreach (var vb in _client.WalkAsync(SnmpTarget.V2c(Agent), "1.3.6.1.2.1.1", maxRepetitions: 5).WithCancellation(new CancellationTokenSource(Wait).Token))
        {
            ours.Add(vb);
        }

        var theirs = (await NetSnmpTool.RunStableAsync("snmpbulkwalk", "-v2c", "-c", "public", "-Cr5", snmpd.Target, "1.3.6.1.2.1.1")).AssertSucceeded();
        Assert.True(ours.Count >= 7, $"only {ours.Count} objects under system");
        Assert.Equal(theirs.Select(v => v.Oid.TrimStart('.')), ours.Select(v => v.Oid));
    }

    [Fact]
    public async Task GetNextAndGetBulk_V2c_StepInOidOrder()
    {
        var next = Assert.Single(await _client.GetNextAsync(SnmpTarget.V2c(Agent), ["1.3.6.1.2.1.1"]).WaitAsync(Wait));
        var bulk = await _client.GetBulkAsync(SnmpTarget.V2c(Agent), 1, 3, ["1.3.6.1.2.1.1.3", "1.3.6.1.2.1.1"]).WaitAsync(Wait);

        Assert.Equal("1.3.6.1.2.1.1.1.0", next.Oid);
        Assert.Equal(4, bulk.Count);
        Assert.Equal(SnmpValueType.TimeTicks, bulk[0].Value.Type);
        Assert.Equal(["1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.1.3.0"], bulk.Skip(1).Select(v => v.Oid));
    }

    [Fact]
    public async Task SetAsync_WriteCommunity_ValueReadBackAndReadOnlyRefused()
    {
        var rw = SnmpTarget.V2c(Agent, snmpd.WriteCommunity);
        string contact = $"noc-{Guid.NewGuid():N}"[..16];

        await _client.SetAsync(rw, [new VarBind(WellKnownOids.SysContact, SnmpValue.OctetString(contact))]).WaitAsync(Wait);
        var back = Assert.Single(await _client.GetAsync(rw, [WellKnownOids.SysContact]).WaitAsync(Wait));
        var refused = await Assert.ThrowsAsync<SnmpErrorResponseException>(() => _client.SetAsync(rw, [new VarBind(WellKnownOids.SysDescr, SnmpValue.OctetString("x"))]).WaitAsync(Wait));

        Assert.Equal(contact, back.Value.AsString());
        Assert.Equal(1, refused.Index);
        Assert.Equal(WellKnownOids.SysDescr, refused.Oid);
        Assert.Contains(refused.Status, new[] { SnmpErrorStatus.NotWritable, SnmpErrorStatus.NoAccess, SnmpErrorStatus.NoCreation });
    }

    [Theory]
    [InlineData("SHA")]
    [InlineData("SHA-256")]
    public async Task GetAsync_V3AuthPriv_DiscoversEngineAndReadsSysName(string auth)
    {
        var user = (auth == "SHA" ? NetSnmpUser.Sha : NetSnmpUser.Sha256).ToUsmUser();

        var result = await _client.GetAsync(SnmpTarget.V3(Agent, user), [WellKnownOids.SysName, WellKnownOids.SysUpTime]).WaitAsync(Wait);

        Assert.Equal(SnmpdFixture.SysName, result[0].Value.AsString());
        Assert.Equal(SnmpValueType.TimeTicks, result[1].Value.Type);
    }

    [Theory]
    [InlineData("SHA")]
    [InlineData("SHA-256")]
    public async Task GetAsync_V3AuthNoPriv_DiscoversEngineAndReadsSysName(string auth)
    {
        var user = (auth == "SHA" ? NetSnmpUser.ShaAuthOnly : NetSnmpUser.Sha256AuthOnly).ToUsmUser();

        var result = await _client.GetAsync(SnmpTarget.V3(Agent, user), [WellKnownOids.SysName, WellKnownOids.SysUpTime]).WaitAsync(Wait);

        Assert.Equal(SnmpPrivProtocol.None, user.Priv);
        Assert.Equal(SnmpdFixture.SysName, result[0].Value.AsString());
        Assert.Equal(SnmpValueType.TimeTicks, result[1].Value.Type);
        Assert.Equal(0, _client.Dropped);
    }

    [Theory]
    [InlineData("netctl")]
    [InlineData("netctlauth256")]
    public async Task SetAsync_V3_ValueReadBackBySnmpget(string userName)
    {
        var user = SnmpdFixture.Users.Single(u => u.Name == userName);
        var target = SnmpTarget.V3(Agent, user.ToUsmUser());
        string location = $"v3-{Guid.NewGuid():N}"[..16];

        var set = Assert.Single(await _client.SetAsync(target, [new VarBind(WellKnownOids.SysLocation, SnmpValue.OctetString(location))]).WaitAsync(Wait));
        var theirs = (await NetSnmpTool.RunStableAsync("snmpget", [.. user.ToolArguments(), snmpd.Target, WellKnownOids.SysLocation])).AssertSucceeded();

        Assert.Equal(location, set.Value.AsString());
        Assert.Equal(location, Assert.Single(theirs).Value);
    }

    [Fact]
    public async Task WalkAsync_V3AuthPriv_SameAsV2c()
    {
        var v3 = SnmpTarget.V3(Agent, NetSnmpUser.Sha.ToUsmUser());
        var viaV3 = new List<string>();
        var viaV2c = new List<string>();
        await foreach (var vb in _client.WalkAsync(v3, "1.3.6.1.2.1.1"))
        {
            viaV3.Add(vb.Oid);
        }

        await foreach (var vb in _client.WalkAsync(SnmpTarget.V2c(Agent), "1.3.6.1.2.1.1"))
        {
            viaV2c.Add(vb.Oid);
        }

        Assert.Equal(viaV2c, viaV3);
    }

    [Fact]
    public async Task GetAsync_V3WrongAuthPassword_AuthenticationFailure()
    {
        var wrong = NetSnmpUser.Sha.ToUsmUser() with { AuthPassword = "not-the-password" };

        var error = await Assert.ThrowsAsync<SnmpAuthenticationException>(() => _client.GetAsync(SnmpTarget.V3(Agent, wrong), [WellKnownOids.SysName]).WaitAsync(Wait));

        Assert.Contains("wrong digest", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task GetAsync_V3UnknownUser_AuthenticationFailure()
    {
        var stranger = new UsmUser("stranger", SnmpAuthProtocol.HmacSha1, "stranger-pass", SnmpPrivProtocol.None, null);

        var error = await Assert.ThrowsAsync<SnmpAuthenticationException>(() => _client.GetAsync(SnmpTarget.V3(Agent, stranger), [WellKnownOids.SysName]).WaitAsync(Wait));

        Assert.Contains("unknown user", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_FiftyConcurrent_AllAnsweredOnOneSocket()
    {
        var target = SnmpTarget.V2c(Agent);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => _client.GetAsync(target, [WellKnownOids.SysName]))).WaitAsync(Wait);

        Assert.All(results, r => Assert.Equal(SnmpdFixture.SysName, Assert.Single(r).Value.AsString()));
        Assert.Equal(0, _client.Dropped);
    }

    [Fact]
    public async Task GetAsync_NothingListening_TimesOutAfterRetries()
    {
        int port;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        var target = SnmpTarget.V2c(new IPEndPoint(IPAddress.Loopback, port)) with { Timeout = TimeSpan.FromMilliseconds(200), Retries = 2 };

        var error = await Assert.ThrowsAsync<SnmpTimeoutException>(() => _client.GetAsync(target, [WellKnownOids.SysName]).WaitAsync(Wait));

        Assert.Contains("3 attempt(s)", error.Message, StringComparison.Ordinal);
        Assert.True(error.IsTransient);
    }
}

using NetControl.Drivers.Snmp.Tests.Fixtures;

namespace NetControl.Drivers.Snmp.Tests.Interop;

/// <summary>
/// The net-snmp fixtures themselves, with net-snmp on both ends: snmpd answers the tools over v2c and v3 (SHA and
/// SHA-256 with AES), refuses a SET with the read community, and snmptrapd logs what snmptrap sends.
/// </summary>
public sealed class NetSnmpFixtureTests(SnmpdFixture snmpd) : IClassFixture<SnmpdFixture>
{
    [Fact]
    public async Task Snmpd_V2cGet_ReturnsConfiguredSysName()
    {
        var result = await NetSnmpTool.RunStableAsync("snmpget", "-v2c", "-c", snmpd.ReadCommunity, snmpd.Target, "1.3.6.1.2.1.1.5.0");

        var varBind = Assert.Single(result.AssertSucceeded());
        Assert.Equal(new NetSnmpVarBind("1.3.6.1.2.1.1.5.0", "STRING", SnmpdFixture.SysName), varBind);
    }

    [Theory]
    [InlineData("netctl")]
    [InlineData("netctl256")]
    public async Task Snmpd_V3AuthPrivGet_ReturnsEngineId(string userName)
    {
        var user = SnmpdFixture.Users.Single(u => u.Name == userName);

        var result = await NetSnmpTool.RunStableAsync("snmpget", [.. user.ToolArguments(), snmpd.Target, "1.3.6.1.6.3.10.2.1.1.0"]);

        var varBind = Assert.Single(result.AssertSucceeded());
        Assert.Equal("Hex-STRING", varBind.Type);
        Assert.Equal(SnmpdFixture.EngineIdHex, varBind.Value.Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Snmpd_SetWithReadCommunity_IsRefused()
    {
        var result = await NetSnmpTool.RunStableAsync("snmpset", "-v2c", "-c", snmpd.ReadCommunity, snmpd.Target, "1.3.6.1.2.1.1.6.0", "s", "Geneva");

        Assert.False(result.Succeeded, result.Describe());
        Assert.Contains("noAccess", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snmptrapd_V2cTrapFromSnmptrap_IsLoggedWithItsVarBinds()
    {
        await using var trapd = await SnmptrapdFixture.StartAsync();

        var sent = await NetSnmpTool.RunAsync("snmptrap", ["-v2c", "-c", trapd.Community, trapd.Target, "4242", "1.3.6.1.6.3.1.1.5.3", "1.3.6.1.2.1.2.2.1.1.7", "i", "7"]);
        Assert.True(sent.Succeeded, sent.Describe());

        var trap = await trapd.WaitForNotificationAsync(n => n.TrapOid == "1.3.6.1.6.3.1.1.5.3", TimeSpan.FromSeconds(20));
        Assert.StartsWith("TRAP2, SNMP v2c, community public", trap.Security, StringComparison.Ordinal);
        Assert.Equal(4242, trap.Find("1.3.6.1.2.1.1.3.0")!.AsInt64());
        Assert.Equal("7", trap.Find("1.3.6.1.2.1.2.2.1.1.7")!.Value);
    }
}

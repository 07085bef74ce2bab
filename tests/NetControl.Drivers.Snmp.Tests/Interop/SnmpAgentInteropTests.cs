using NetControl.Drivers.Snmp.Tests.Fixtures;

namespace NetControl.Drivers.Snmp.Tests.Interop;

/// <summary>
/// net-snmp's own tools against the simulator's agent: what they print is what a real network management station
/// would see. Proves the agent's encoding, GET/GETNEXT/GETBULK/SET semantics and USM (SHA and SHA-256 with AES) are
/// understood by an independent implementation.
/// </summary>
public sealed class SnmpAgentInteropTests(SimulatedSwitchFixture sim) : IClassFixture<SimulatedSwitchFixture>
{
    private const string IfTable = "1.3.6.1.2.1.2.2";
    private const string IfXTable = "1.3.6.1.2.1.31.1.1";
    private const string EntPhysicalContainedIn = "1.3.6.1.2.1.47.1.1.1.1.4";
    private const string EntAliasMappingIdentifier = "1.3.6.1.2.1.47.1.3.2.1.2";

    [Fact]
    public async Task Snmpget_V2cSysName_IsTheSwitchName()
    {
        var result = await NetSnmpTool.RunStableAsync("snmpget", "-v2c", "-c", "public", sim.Target, "1.3.6.1.2.1.1.5.0");

        Assert.Equal([new NetSnmpVarBind("1.3.6.1.2.1.1.5.0", "STRING", SimulatedSwitchFixture.SwitchName)], result.AssertSucceeded());
    }

    [Fact]
    public async Task Snmpwalk_SystemGroup_ListsTheSixScalarsInOrder()
    {
        var result = await NetSnmpTool.RunStableAsync("snmpwalk", "-v2c", "-c", "public", sim.Target, "1.3.6.1.2.1.1");

        var varBinds = result.AssertSucceeded();
        Assert.Equal(["1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.1.3.0", "1.3.6.1.2.1.1.4.0", "1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.6.0"], varBinds.Select(v => v.Oid));
        Assert.Equal("NetControl simulated Calient photonic switch PXC", varBinds[0].Value);
        Assert.Equal(("OID", "0.0"), (varBinds[1].Type, varBinds[1].Value));
        Assert.Equal("Timeticks", varBinds[2].Type);
        Assert.Equal("Lab", varBinds[5].Value);
    }

    [Fact]
    public async Task Snmpbulkwalk_IfTable_HasOneRowPerPortWithOperStatusFollowingLight()
    {
        var result = await NetSnmpTool.RunStableAsync("snmpbulkwalk", "-v2c", "-c", "public", "-Cr7", sim.Target, IfTable);

        var varBinds = result.AssertSucceeded();
        Assert.Equal(9 * 4, varBinds.Count);
        Assert.Equal(["1", "2", "3", "4"], Column(varBinds, IfTable + ".1.1"));
        Assert.Equal(["195", "195", "195", "195"], Column(varBinds, IfTable + ".1.3"));
        Assert.Equal(["1", "1", "1", "1"], Column(varBinds, IfTable + ".1.7"));
        Assert.Equal(["1", "1", "2", "2"], Column(varBinds, IfTable + ".1.8"));
        Assert.Equal("Calient bidirectional port 1.1a.1", varBinds.Single(v => v.Oid == IfTable + ".1.2.1").Value);
    }

    [Fact]
    public async Task Snmpbulkwalk_IfXTable_NamesThePortsAndCountsOctetsAsCounter64()
    {
        var result = await NetSnmpTool.RunStableAsync("snmpbulkwalk", "-v2c", "-c", "public", sim.Target, IfXTable);

        var varBinds = result.AssertSucceeded();
        Assert.Equal(["1.1a.1", "1.1a.2", "1.1a.3", "1.1a.4"], Column(varBinds, IfXTable + ".1.1"));
        Assert.All(varBinds.Where(v => v.Oid.StartsWith(IfXTable + ".1.6.", StringComparison.Ordinal)), v => Assert.Equal("Counter64", v.Type));
        Assert.Equal(["10000", "10000", "10000", "10000"], Column(varBinds, IfXTable + ".1.15"));
        Assert.Equal(["h1-pxc", "h2-pxc", string.Empty, string.Empty], Column(varBinds, IfXTable + ".1.18"));
    }

    [Fact]
    public async Task Snmpget_HcInOctets_GrowAtTheNominalRateWhileLit()
    {
        string[] oids = ["1.3.6.1.2.1.1.3.0", IfXTable + ".1.6.1", IfXTable + ".1.6.3"];
        var first = (await NetSnmpTool.RunStableAsync("snmpget", ["-v2c", "-c", "public", sim.Target, .. oids])).AssertSucceeded();
        await Task.Delay(TimeSpan.FromSeconds(1)); // a rate needs time to pass; the agent's sysUpTime measures it
        var second = (await NetSnmpTool.RunStableAsync("snmpget", ["-v2c", "-c", "public", sim.Target, .. oids])).AssertSucceeded();

        double seconds = (second[0].AsInt64() - first[0].AsInt64()) / 100.0;
        double rate = (second[1].AsUInt64() - first[1].AsUInt64()) / seconds;
        Assert.InRange(rate, 625e6 * 0.9, 625e6 * 1.1);
        Assert.Equal(0ul, second[2].AsUInt64());
    }

    [Fact]
    public async Task Snmpwalk_EntitySensorTable_GivesPowerInTenthsOfDbm()
    {
        var result = await NetSnmpTool.RunStableAsync("snmpwalk", "-v2c", "-c", "public", sim.Target, "1.3.6.1.2.1.99.1.1.1");

        var varBinds = result.AssertSucceeded();
        Assert.Equal(["1", "1", "1", "1"], Column(varBinds, "1.3.6.1.2.1.99.1.1.1.1"));
        Assert.Equal(["9", "9", "9", "9"], Column(varBinds, "1.3.6.1.2.1.99.1.1.1.2"));
        Assert.Equal(["1", "1", "1", "1"], Column(varBinds, "1.3.6.1.2.1.99.1.1.1.3"));
        Assert.Equal(["-7", "-9", "-600", "-600"], Column(varBinds, "1.3.6.1.2.1.99.1.1.1.4"));
        Assert.Equal(["dBm", "dBm", "dBm", "dBm"], Column(varBinds, "1.3.6.1.2.1.99.1.1.1.6"));
    }

    [Fact]
    public async Task Snmpwalk_EntPhysicalContainedIn_ChassisHoldsEachPortWhichHoldsItsSensor()
    {
        var result = await NetSnmpTool.RunStableAsync("snmpwalk", "-v2c", "-c", "public", sim.Target, EntPhysicalContainedIn);

        var varBinds = result.AssertSucceeded();
        Assert.Equal([.. Enumerable.Range(1, 9).Select(i => $"{EntPhysicalContainedIn}.{i}")], varBinds.Select(v => v.Oid));
        Assert.All(varBinds, v => Assert.Equal("INTEGER", v.Type));
        Assert.Equal(["0", "1", "2", "1", "4", "1", "6", "1", "8"], varBinds.Select(v => v.Value));
    }

    [Fact]
    public async Task Snmpwalk_EntAliasMappingIdentifier_MapsEachPortEntityToItsIfIndexInstance()
    {
        var result = await NetSnmpTool.RunStableAsync("snmpwalk", "-v2c", "-c", "public", sim.Target, EntAliasMappingIdentifier);

        var varBinds = result.AssertSucceeded();
        Assert.Equal([$"{EntAliasMappingIdentifier}.2.0", $"{EntAliasMappingIdentifier}.4.0", $"{EntAliasMappingIdentifier}.6.0", $"{EntAliasMappingIdentifier}.8.0"], varBinds.Select(v => v.Oid));
        Assert.All(varBinds, v => Assert.Equal("OID", v.Type));
        Assert.Equal([$"{IfTable}.1.1.1", $"{IfTable}.1.1.2", $"{IfTable}.1.1.3", $"{IfTable}.1.1.4"], varBinds.Select(v => v.Value));
    }

    [Fact]
    public async Task Snmpget_MissingObjectAndInstance_PrintNetSnmpsExceptionTexts()
    {
        var result = await NetSnmpTool.RunStableAsync("snmpget", "-v2c", "-c", "public", sim.Target, "1.3.6.1.2.1.1.5", "1.3.6.1.2.1.1.9.1.2.1", IfTable + ".1.2.9");

        var varBinds = result.AssertSucceeded();
        Assert.Equal(
            [NetSnmpVarBind.NoSuchInstanceText, NetSnmpVarBind.NoSuchObjectText, NetSnmpVarBind.NoSuchInstanceText],
            varBinds.Select(v => v.Value));
    }

    [Fact]
    public async Task Snmpgetnext_PastTheLastInstance_IsEndOfMibView()
    {
        var result = await NetSnmpTool.RunStableAsync("snmpgetnext", "-v2c", "-c", "public", sim.Target, "1.3.6.1.6.3.99");

        Assert.Contains("No more variables left in this MIB View", result.AssertSucceeded().Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snmpset_SysLocationWithWriteCommunity_IsReadBack()
    {
        await using var simulator = await SimulatedSwitchFixture.StartAsync();
        string target = $"127.0.0.1:{simulator.Endpoints.Single().SnmpPort}";

        var set = await NetSnmpTool.RunStableAsync("snmpset", "-v2c", "-c", "private", target, "1.3.6.1.2.1.1.6.0", "s", "Caltech, Pasadena", "1.3.6.1.2.1.1.4.0", "s", "noc@example.org");
        set.AssertSucceeded();
        var get = await NetSnmpTool.RunStableAsync("snmpget", "-v2c", "-c", "public", target, "1.3.6.1.2.1.1.6.0", "1.3.6.1.2.1.1.4.0");

        Assert.Equal(["Caltech, Pasadena", "noc@example.org"], get.AssertSucceeded().Select(v => v.Value));
    }

    [Fact]
    public async Task Snmpset_IfAdminStatus_IsNotWritable()
    {
        var result = await NetSnmpTool.RunStableAsync("snmpset", "-v2c", "-c", "private", sim.Target, IfTable + ".1.7.1", "i", "2");

        Assert.False(result.Succeeded, result.Describe());
        Assert.Contains("notWritable", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snmpset_WithReadCommunity_IsNoAccess()
    {
        var result = await NetSnmpTool.RunStableAsync("snmpset", "-v2c", "-c", "public", sim.Target, "1.3.6.1.2.1.1.4.0", "s", "intruder");

        Assert.False(result.Succeeded, result.Describe());
        Assert.Contains("noAccess", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snmpget_UnknownCommunity_GetsNoAnswer()
    {
        var result = await NetSnmpTool.RunAsync("snmpget", ["-On", "-t", "1", "-r", "0", "-v2c", "-c", "guess", sim.Target, "1.3.6.1.2.1.1.5.0"]);

        Assert.False(result.Succeeded, result.Describe());
        Assert.Contains("Timeout", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("netctl")]
    [InlineData("netctl256")]
    public async Task Snmpget_V3AuthPriv_DiscoversTheEngineAndReadsSysName(string userName)
    {
        var user = userName == NetSnmpUser.Sha.Name ? NetSnmpUser.Sha : NetSnmpUser.Sha256;

        var result = await NetSnmpTool.RunStableAsync("snmpget", [.. user.ToolArguments(), sim.Target, "1.3.6.1.2.1.1.5.0", "1.3.6.1.6.3.10.2.1.1.0"]);

        var varBinds = result.AssertSucceeded();
        Assert.Equal(SimulatedSwitchFixture.SwitchName, varBinds[0].Value);
        Assert.Equal("80001F8804505843", varBinds[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("netctlauth")]
    [InlineData("netctlauth256")]
    public async Task Snmpget_V3AuthNoPriv_ReadsSysNameAndEngineId(string userName)
    {
        var user = userName == NetSnmpUser.ShaAuthOnly.Name ? NetSnmpUser.ShaAuthOnly : NetSnmpUser.Sha256AuthOnly;

        var result = await NetSnmpTool.RunStableAsync("snmpget", [.. user.ToolArguments("authNoPriv"), sim.Target, "1.3.6.1.2.1.1.5.0", "1.3.6.1.6.3.10.2.1.1.0"]);

        var varBinds = result.AssertSucceeded();
        Assert.Equal(SimulatedSwitchFixture.SwitchName, varBinds[0].Value);
        Assert.Equal("80001F8804505843", varBinds[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("netctl")]
    [InlineData("netctlauth256")]
    public async Task Snmpwalk_V3SystemGroup_SameAsV2c(string userName)
    {
        var user = userName == NetSnmpUser.Sha.Name ? NetSnmpUser.Sha : NetSnmpUser.Sha256AuthOnly;

        var v3 = (await NetSnmpTool.RunStableAsync("snmpwalk", [.. user.ToolArguments(), sim.Target, "1.3.6.1.2.1.1"])).AssertSucceeded();
        var v2c = (await NetSnmpTool.RunStableAsync("snmpwalk", "-v2c", "-c", "public", sim.Target, "1.3.6.1.2.1.1")).AssertSucceeded();

        Assert.Equal(6, v3.Count);
        Assert.Equal(v2c.Select(v => v.Oid), v3.Select(v => v.Oid));
        Assert.Equal(v2c.Where(v => v.Type != "Timeticks").Select(v => v.Value), v3.Where(v => v.Type != "Timeticks").Select(v => v.Value));
    }

    [Fact]
    public async Task Snmpbulkwalk_V3Sha256_WalksTheSensorValues()
    {
        var result = await NetSnmpTool.RunStableAsync("snmpbulkwalk", [.. NetSnmpUser.Sha256.ToolArguments(), sim.Target, "1.3.6.1.2.1.99.1.1.1.4"]);

        Assert.Equal(["-7", "-9", "-600", "-600"], result.AssertSucceeded().Select(v => v.Value));
    }

    [Fact]
    public async Task Snmpset_V3AuthPriv_SetsSysContact()
    {
        await using var simulator = await SimulatedSwitchFixture.StartAsync();
        string target = $"127.0.0.1:{simulator.Endpoints.Single().SnmpPort}";

        var set = await NetSnmpTool.RunStableAsync("snmpset", [.. NetSnmpUser.Sha.ToolArguments(), target, "1.3.6.1.2.1.1.4.0", "s", "v3 operator"]);

        Assert.Equal("v3 operator", set.AssertSucceeded().Single().Value);
    }

    [Fact]
    public async Task Snmpget_V3WrongPassword_IsAnAuthenticationFailure()
    {
        var impostor = NetSnmpUser.Sha with { AuthPassword = "wrong-auth-pass" };

        var result = await NetSnmpTool.RunStableAsync("snmpget", [.. impostor.ToolArguments(), sim.Target, "1.3.6.1.2.1.1.5.0"]);

        Assert.False(result.Succeeded, result.Describe());
        Assert.Contains("Authentication failure", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snmpget_V3UnknownUser_IsReportedAsUnknownUserName()
    {
        var stranger = NetSnmpUser.Sha with { Name = "stranger" };

        var result = await NetSnmpTool.RunStableAsync("snmpget", [.. stranger.ToolArguments(), sim.Target, "1.3.6.1.2.1.1.5.0"]);

        Assert.False(result.Succeeded, result.Describe());
        Assert.Contains("Unknown user name", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The values of column <paramref name="column"/> (all rows, in order).</summary>
    private static List<string> Column(IReadOnlyList<NetSnmpVarBind> varBinds, string column) =>
        [.. varBinds.Where(v => v.Oid.StartsWith(column + ".", StringComparison.Ordinal) && v.Oid.Count(c => c == '.') == column.Count(c => c == '.') + 1).Select(v => v.Value)];
}

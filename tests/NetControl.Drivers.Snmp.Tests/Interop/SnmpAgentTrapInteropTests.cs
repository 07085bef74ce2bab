using NetControl.Drivers.Snmp.Tests.Fixtures;
using NetControl.Simulators.Optical.Snmp;

namespace NetControl.Drivers.Snmp.Tests.Interop;

/// <summary>
/// The simulator's notifications received by net-snmp's snmptrapd: a fibre cut becomes linkDown (and the repair
/// linkUp) as a v2c trap, as a v2c inform that snmptrapd acknowledges, and as a v3 authPriv trap that snmptrapd
/// authenticates and decrypts with the user bound to the switch's engine id. Proves the notification PDUs, their
/// varbinds and the agent's authoritative-engine USM parameters are what a real receiver accepts.
/// </summary>
public sealed class SnmpAgentTrapInteropTests
{
    private const string LinkDown = "1.3.6.1.6.3.1.1.5.3";
    private const string LinkUp = "1.3.6.1.6.3.1.1.5.4";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task FibreCut_V2cTrapAndInform_AreLoggedBySnmptrapdAndTheInformAcknowledged()
    {
        await using var trapd = await SnmptrapdFixture.StartAsync();
        var options = SimulatedSwitchFixture.BaseOptions with
        {
            TrapTargets = [new SnmpTrapTarget("127.0.0.1", trapd.Port), new SnmpTrapTarget("127.0.0.1", trapd.Port, Inform: true)],
        };
        await using var simulator = await SimulatedSwitchFixture.StartAsync(options);

        simulator.Network.Faults.CutLink("h1-pxc");

        var trap = await trapd.WaitForNotificationAsync(n => n.TrapOid == LinkDown && !n.IsInform, Wait);
        Assert.StartsWith("TRAP2, SNMP v2c, community public", trap.Security, StringComparison.Ordinal);
        Assert.Equal(
            ["1.3.6.1.2.1.1.3.0", "1.3.6.1.6.3.1.1.4.1.0", "1.3.6.1.2.1.2.2.1.1.1", "1.3.6.1.2.1.2.2.1.7.1", "1.3.6.1.2.1.2.2.1.8.1"],
            trap.VarBinds.Select(v => v.Oid));
        Assert.Equal(["1", "1", "2"], trap.VarBinds.Skip(2).Select(v => v.Value));
        Assert.Equal("Timeticks", trap.VarBinds[0].Type);

        var inform = await trapd.WaitForNotificationAsync(n => n.TrapOid == LinkDown && n.IsInform, Wait);
        Assert.Equal("2", inform.Find("1.3.6.1.2.1.2.2.1.8.1")!.Value);
        var agent = simulator.SnmpAgents.Single();
        await EventuallyAsync(() => agent.Counters.InformsAcknowledged == 1, trapd.Log);

        simulator.Network.Faults.RepairLink("h1-pxc");

        var up = await trapd.WaitForNotificationAsync(n => n.TrapOid == LinkUp && !n.IsInform, Wait);
        Assert.Equal("1", up.Find("1.3.6.1.2.1.2.2.1.8.1")!.Value);
    }

    [Theory]
    [InlineData("netctl")]
    [InlineData("netctl256")]
    public async Task FibreCut_V3AuthPrivTrap_IsAuthenticatedAndDecryptedBySnmptrapd(string userName)
    {
        var user = userName == NetSnmpUser.Sha.Name ? NetSnmpUser.Sha : NetSnmpUser.Sha256;
        string engineId = Convert.ToHexString(SnmpAgent.EngineIdOf(SimulatedSwitchFixture.SwitchName).AsSpan());
        await using var trapd = await SnmptrapdFixture.StartAsync(users: [(user, engineId)]);
        var options = SimulatedSwitchFixture.BaseOptions with { TrapTargets = [SnmpTrapTarget.V3("127.0.0.1", trapd.Port, user.ToUsmUser())] };
        await using var simulator = await SimulatedSwitchFixture.StartAsync(options);

        simulator.Network.Faults.CutLink("h2-pxc");

        var trap = await trapd.WaitForNotificationAsync(n => n.TrapOid == LinkDown, Wait);
        Assert.StartsWith($"TRAP2, SNMP v3, user {user.Name}", trap.Security, StringComparison.Ordinal);
        Assert.Equal("2", trap.Find("1.3.6.1.2.1.2.2.1.1.2")!.Value);
        Assert.Equal("2", trap.Find("1.3.6.1.2.1.2.2.1.8.2")!.Value);
    }

    /// <summary>Waits for the agent's own loops to reach a state, failing with <paramref name="context"/> after a generous timeout.</summary>
    private static async Task EventuallyAsync(Func<bool> condition, string context)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"condition not met in time; snmptrapd:\n{context}");
            await Task.Delay(20);
        }
    }
}

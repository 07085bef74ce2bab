using System.Text.Json;
using NetControl.Drivers.Host.Configuration;
using NetControl.Drivers.Host.Shell;
using NetControl.Drivers.Host.Steps;

namespace NetControl.Drivers.Host.Tests;

/// <summary>
/// The host driver on two real network namespaces joined by veth (the tests create and remove them): addresses, MTU,
/// a policy-routed route and TCP sysctls are applied, verified, carry ping and a TCP transfer, read back inside the
/// namespace, and roll back to exactly what was there. VLAN sub-interfaces are made when the kernel can (this
/// machine's kernel has no 802.1Q support: then the step must fail with that reason and leave nothing behind).
/// </summary>
public sealed class HostConfiguratorNamespaceTests(NamespacePair pair) : IClassFixture<NamespacePair>
{
    private const string Table = "3100";

    [Fact]
    public async Task ApplyAsync_VlanAddressesRoutesSysctls_TrafficFlowsAndRollbackIsExact()
    {
        string beforeA = await NamespacePair.SnapshotAsync(pair.A);
        string beforeB = await NamespacePair.SnapshotAsync(pair.B);
        var a = new HostConfigurator(new LocalShell(pair.A));
        var b = new HostConfigurator(new LocalShell(pair.B));

        var changesA = await a.ApplyAsync(Plan(NamespacePair.DeviceA, "10.77.31.1", "10.77.31.2", "10.88.2.0/24"));
        var changesB = await b.ApplyAsync(Plan(NamespacePair.DeviceB, "10.77.31.2", "10.77.31.1", "10.88.1.0/24"));

        // Traffic over the VLAN: ping, then a TCP transfer (iperf3) from A to B.
        string ping = await NamespacePair.RunAsync("ip", "netns", "exec", pair.A, "ping", "-c", "3", "-i", "0.2", "-W", "5", "10.77.31.2");
        Assert.Contains("3 received", ping, StringComparison.Ordinal);
        var server = NamespacePair.RunAsync("ip", "netns", "exec", pair.B, "iperf3", "-s", "-1", "-B", "10.77.31.2", "-p", "5231", "-J");
        await Task.Delay(500);
        string client = await NamespacePair.RunAsync("ip", "netns", "exec", pair.A, "iperf3", "-c", "10.77.31.2", "-p", "5231", "-B", "10.77.31.1", "-n", "20M", "-J");
        using (var sent = JsonDocument.Parse(client))
        using (var received = JsonDocument.Parse(await server))
        {
            // iperf3 writes whole 128 KiB blocks and may have one more in the socket when it sees -n reached (seen here:
            // 20 MiB + 128 KiB), and it closes its books when the sender is done, with the tail still in flight: the
            // receiver's count is a little short of what was sent, never more.
            const long block = 128L << 10;
            long sentBytes = sent.RootElement.GetProperty("end").GetProperty("sum_sent").GetProperty("bytes").GetInt64();
            Assert.InRange(sentBytes, 20L << 20, (20L << 20) + block);
            Assert.InRange(received.RootElement.GetProperty("end").GetProperty("sum_received").GetProperty("bytes").GetInt64(), 10L << 20, sentBytes);
        }

        // Read back inside the namespace.
        Assert.Equal("4096 131072 7500000", await Sysctl(pair.A, "net.ipv4.tcp_rmem"));
        Assert.Equal("4096 16384 7500000", await Sysctl(pair.A, "net.ipv4.tcp_wmem"));
        Assert.Equal("reno", await Sysctl(pair.A, "net.ipv4.tcp_congestion_control"));
        Assert.Contains("\"mtu\":9000", await NamespacePair.RunAsync("ip", "netns", "exec", pair.A, "ip", "-j", "link", "show", "dev", NamespacePair.DeviceA), StringComparison.Ordinal);
        Assert.Contains("\"txqlen\":10000", await NamespacePair.RunAsync("ip", "netns", "exec", pair.A, "ip", "-j", "link", "show", "dev", NamespacePair.DeviceA), StringComparison.Ordinal);
        Assert.Contains("10.88.2.0/24 via 10.77.31.2", await NamespacePair.RunAsync("ip", "netns", "exec", pair.A, "ip", "route", "show", "table", Table), StringComparison.Ordinal);
        Assert.Contains("from 10.77.31.1 lookup 3100", await NamespacePair.RunAsync("ip", "netns", "exec", pair.A, "ip", "rule", "show"), StringComparison.Ordinal);

        // Applying again changes nothing.
        Assert.Empty((await a.ApplyAsync(Plan(NamespacePair.DeviceA, "10.77.31.1", "10.77.31.2", "10.88.2.0/24"))).Applied);

        await a.RollbackAsync(changesA);
        await b.RollbackAsync(changesB);
        Assert.Equal(beforeA, await NamespacePair.SnapshotAsync(pair.A));
        Assert.Equal(beforeB, await NamespacePair.SnapshotAsync(pair.B));
    }

    [Fact]
    public async Task DryRunAsync_FreshNamespace_PrintsExactCommandsAndChangesNothing()
    {
        string before = await NamespacePair.SnapshotAsync(pair.A);
        var configurator = new HostConfigurator(new LocalShell(pair.A));
        string other = await Sysctl(pair.A, "net.ipv4.tcp_congestion_control") == "reno" ? "cubic" : "reno";

        var commands = (await configurator.DryRunAsync([new VlanInterface(NamespacePair.DeviceA, 3200, "vha.3200"), new InterfaceAddress("vha.3200", "10.77.32.1/24"), new Sysctl("net.ipv4.tcp_congestion_control", other)]))
            .Select(c => c.ToString()).ToList();

        Assert.Equal(
            ["ip link add link vha name vha.3200 type vlan id 3200", "ip link set dev vha.3200 up", "ip addr add 10.77.32.1/24 dev vha.3200", $"sysctl -q -w net.ipv4.tcp_congestion_control={other}"],
            commands);
        Assert.Equal(before, await NamespacePair.SnapshotAsync(pair.A));
    }

    [Fact]
    public async Task ApplyAsync_StepFailsHalfway_RolledBackAndSaysWhich()
    {
        string before = await NamespacePair.SnapshotAsync(pair.A);
        var configurator = new HostConfigurator(new LocalShell(pair.A));
        IHostStep[] steps =
        [
            LinkSetting.Mtu(NamespacePair.DeviceA, 4000),
            new InterfaceAddress(NamespacePair.DeviceA, "10.77.33.1/24"),
            new Sysctl("net.ipv4.tcp_rmem", "4096 131072 9999999"),
            new Route("10.99.0.0/16", NamespacePair.DeviceA, Via: "192.0.2.1"),
        ];

        var ex = await Assert.ThrowsAsync<HostConfigurationException>(() => configurator.ApplyAsync(steps));

        Assert.StartsWith($"network namespace {pair.A}: route 10.99.0.0/16 via 192.0.2.1 dev vha failed: ", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("(rolled back)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, await NamespacePair.SnapshotAsync(pair.A));
    }

    [Fact]
    public async Task ApplyAsync_Vlan_MadeWhenTheKernelCanElseRefusedWithTheReason()
    {
        string before = await NamespacePair.SnapshotAsync(pair.A);
        var configurator = new HostConfigurator(new LocalShell(pair.A));
        IHostStep[] steps = [new VlanInterface(NamespacePair.DeviceA, 3400, "vha.3400"), new InterfaceAddress("vha.3400", "10.77.34.1/24")];
        bool kernelHasVlans = !(await NamespacePair.RunAsync(allowFailure: true, "sh", "-c", "zcat /proc/config.gz 2>/dev/null | grep -q '^# CONFIG_VLAN_8021Q is not set' && echo no")).Contains("no", StringComparison.Ordinal);

        if (kernelHasVlans)
        {
            var changes = await configurator.ApplyAsync(steps);
            Assert.Contains("\"info_kind\":\"vlan\"", await NamespacePair.RunAsync("ip", "netns", "exec", pair.A, "ip", "-j", "-d", "link", "show", "dev", "vha.3400"), StringComparison.Ordinal);
            await configurator.RollbackAsync(changes);
        }
        else
        {
            var ex = await Assert.ThrowsAsync<HostConfigurationException>(() => configurator.ApplyAsync(steps));
            Assert.Contains("no 802.1Q support", ex.Message, StringComparison.Ordinal);
            Assert.EndsWith("(rolled back)", ex.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, await NamespacePair.SnapshotAsync(pair.A));
    }

    [Fact]
    public async Task ApplyAsync_SettingTheKernelRefuses_FailsWithWhatItSaidAndRollsBack()
    {
        string before = await NamespacePair.SnapshotAsync(pair.B);
        var configurator = new HostConfigurator(new LocalShell(pair.B));

        // sysctl exits 0 here although the kernel refused the value: verification catches it.
        var ex = await Assert.ThrowsAsync<HostConfigurationException>(() => configurator.ApplyAsync([new Sysctl("net.ipv4.tcp_wmem", "4096 16384 5000000"), new Sysctl("net.core.rmem_max", "7500000")]));

        Assert.Contains("sysctl net.core.rmem_max = 7500000 does not hold after applying it (read back: ", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("(rolled back)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, await NamespacePair.SnapshotAsync(pair.B));
    }

    [Fact]
    public async Task ApplyAsync_NameTakenByAnotherInterface_RefusesWithoutTouchingIt()
    {
        var configurator = new HostConfigurator(new LocalShell(pair.B));

        var ex = await Assert.ThrowsAsync<HostConfigurationException>(() => configurator.ApplyAsync([new VlanInterface("lo", 5, NamespacePair.DeviceB)]));

        Assert.Contains($"interface {NamespacePair.DeviceB} exists but is not vlan 5 on lo; not touching it", ex.Message, StringComparison.Ordinal);
        Assert.Contains("\"operstate\":\"UP\"", await NamespacePair.RunAsync("ip", "netns", "exec", pair.B, "ip", "-j", "link", "show", "dev", NamespacePair.DeviceB), StringComparison.Ordinal);
    }

    private static IReadOnlyList<IHostStep> Plan(string device, string self, string peer, string remoteNet) =>
    [
        LinkSetting.Mtu(device, 9000),
        new InterfaceAddress(device, $"{self}/24"),
        new Route(remoteNet, device, Via: peer, Table: Table),
        new PolicyRule(self, Table, 1000),
        // net.core.rmem_max/wmem_max are read-only outside the host's own namespace on this kernel (see the test below).
        .. TcpTuning.Steps(10e9, TimeSpan.FromMilliseconds(3), device, congestionControl: "reno", socketMaximums: false),
    ];

    private static async Task<string> Sysctl(string ns, string key) =>
        Steps.Sysctl.Normalize(await NamespacePair.RunAsync("ip", "netns", "exec", ns, "sysctl", "-n", key));
}

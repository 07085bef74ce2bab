using NetControl.Agent.HostCommands;
using NetControl.Messaging.Commands;

namespace NetControl.Agent.Tests.HostCommands;

/// <summary>Command steps to host steps: well-formed ones map, anything malformed or off the allow-list is refused with why.</summary>
public sealed class HostStepMapperTests
{
    [Fact]
    public void TryMap_EveryKind_MapsToItsStep()
    {
        HostStepSpec[] specs =
        [
            new() { Kind = "address", Device = "eth1", Cidr = "10.1.2.3/24" },
            new() { Kind = "mtu", Device = "eth1", Value = 9000 },
            new() { Kind = "txqueuelen", Device = "eth1", Value = 10000 },
            new() { Kind = "vlan", Parent = "eth1", VlanId = 3100, Device = "eth1.3100" },
            new() { Kind = "route", Prefix = "10.9.0.0/16", Device = "eth1.3100", Via = "10.1.2.1", Table = "3100" },
            new() { Kind = "rule", From = "10.1.2.3", Table = "3100", Priority = 1000 },
            new() { Kind = "sysctl", Key = "net.ipv4.tcp_congestion_control", Setting = "bbr" },
        ];

        var described = specs.Select(s => Assert.IsAssignableFrom<NetControl.Drivers.Host.Steps.IHostStep>(Map(s)).Describe()).ToList();

        Assert.Equal(
            ["address 10.1.2.3/24 on eth1", "mtu 9000 on eth1", "txqueuelen 10000 on eth1", "vlan eth1.3100 (id 3100) on eth1",
             "route 10.9.0.0/16 via 10.1.2.1 dev eth1.3100 table 3100", "rule from 10.1.2.3 table 3100 priority 1000", "sysctl net.ipv4.tcp_congestion_control = bbr"],
            described);
    }

    [Theory]
    [InlineData("address", "eth1; reboot", "10.0.0.1/24", "'eth1; reboot' is not an interface name")]
    [InlineData("address", "eth1", "10.0.0.1", "cidr '10.0.0.1' is not an address/prefix")]
    [InlineData("address", "eth1", "10.0.0.1/33", "cidr '10.0.0.1/33' is not an address/prefix")]
    [InlineData("shell", "eth1", "x", "unknown step kind 'shell'")]
    public void TryMap_Malformed_RefusedWithWhy(string kind, string device, string cidr, string expected)
    {
        Assert.False(HostStepMapper.TryMap(new HostStepSpec { Kind = kind, Device = device, Cidr = cidr }, out var step, out string error));
        Assert.Null(step);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kernel.core_pattern", "|/tmp/x", "sysctl 'kernel.core_pattern' is not on the agent's allow-list")]
    [InlineData("net.ipv4.tcp_rmem", "4096 $(reboot)", "is not numbers or a word")]
    public void TryMap_SysctlOffTheList_Refused(string key, string setting, string expected)
    {
        Assert.False(HostStepMapper.TryMap(new HostStepSpec { Kind = "sysctl", Key = key, Setting = setting }, out _, out string error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    private static object? Map(HostStepSpec spec)
    {
        Assert.True(HostStepMapper.TryMap(spec, out var step, out string error), error);
        return step;
    }
}

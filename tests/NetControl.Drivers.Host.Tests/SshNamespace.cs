using NetControl.Drivers.Tl1.Tests.Fixtures;
using NetControl.Tests.Shared;

namespace NetControl.Drivers.Host.Tests;

/// <summary>
/// A network namespace reachable from this one over a veth pair (10.77.S.1/30 here, 10.77.S.2/30 there; S is 40
/// unless a subclass picks another subnet so that it can run beside these tests), with a real OpenSSH server running
/// inside it (its logins' commands run in the namespace): a remote host for the SSH shell. Removed on dispose.
/// </summary>
public class SshNamespace : IAsyncLifetime
{
    public const string Device = "vhp";

    private readonly string _hostSide = $"vs{Guid.NewGuid().ToString("N")[..8]}";
    private readonly int _subnet;

    public SshNamespace()
        : this(40)
    {
    }

    /// <summary>On 10.77.<paramref name="subnet"/>.0/30 (xunit wants one public constructor per fixture: this one is for subclasses).</summary>
    protected SshNamespace(int subnet)
    {
        _subnet = subnet;
        Address = $"10.77.{subnet}.2";
    }

    /// <summary>The namespace's address, where its sshd listens.</summary>
    public string Address { get; }

    public string Namespace { get; } = $"nch-{Guid.NewGuid().ToString("N")[..8]}s";

    public OpenSshServerFixture Sshd { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Tools.RunAsync("ip", "netns", "add", Namespace);
        await Tools.RunAsync("ip", "netns", "exec", Namespace, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
        await Tools.RunAsync("ip", "link", "add", _hostSide, "type", "veth", "peer", "name", Device, "netns", Namespace);
        await Tools.RunAsync("ip", "addr", "add", $"10.77.{_subnet}.1/30", "dev", _hostSide);
        await Tools.RunAsync("ip", "link", "set", "dev", _hostSide, "up");
        await Tools.RunAsync("ip", "netns", "exec", Namespace, "ip", "addr", "add", $"{Address}/30", "dev", Device);
        await Tools.RunAsync("ip", "netns", "exec", Namespace, "ip", "link", "set", "dev", Device, "up");
        await Tools.RunAsync("ip", "netns", "exec", Namespace, "ip", "link", "set", "dev", "lo", "up");
        Sshd = new OpenSshServerFixture { ListenAddress = Address, NetworkNamespace = Namespace };
        await Sshd.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (Sshd is not null)
        {
            await Sshd.DisposeAsync();
        }

        await Tools.RunAsync(allowFailure: true, "ip", "link", "del", _hostSide);
        await Tools.RunAsync(allowFailure: true, "ip", "netns", "del", Namespace);
    }

    /// <summary>A sysctl as read inside the namespace.</summary>
    public async Task<string> SysctlAsync(string key) => (await Tools.RunAsync("ip", "netns", "exec", Namespace, "sysctl", "-n", key)).Trim();
}

using NetControl.Drivers.Tl1.Tests.Fixtures;

namespace NetControl.Drivers.Host.Tests;

/// <summary>
/// A network namespace reachable from this one over a veth pair (10.77.40.1/30 here, 10.77.40.2/30 there), with a
/// real OpenSSH server running inside it (its logins' commands run in the namespace): a remote host for the SSH
/// shell. Removed on dispose.
/// </summary>
public sealed class SshNamespace : IAsyncLifetime
{
    public const string Address = "10.77.40.2";
    public const string Device = "vhp";

    private readonly string _hostSide = $"vs{Guid.NewGuid().ToString("N")[..8]}";

    public string Namespace { get; } = $"nch-{Guid.NewGuid().ToString("N")[..8]}s";

    public OpenSshServerFixture Sshd { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await NamespacePair.RunAsync("ip", "netns", "add", Namespace);
        await NamespacePair.RunAsync("ip", "netns", "exec", Namespace, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
        await NamespacePair.RunAsync("ip", "link", "add", _hostSide, "type", "veth", "peer", "name", Device, "netns", Namespace);
        await NamespacePair.RunAsync("ip", "addr", "add", "10.77.40.1/30", "dev", _hostSide);
        await NamespacePair.RunAsync("ip", "link", "set", "dev", _hostSide, "up");
        await NamespacePair.RunAsync("ip", "netns", "exec", Namespace, "ip", "addr", "add", $"{Address}/30", "dev", Device);
        await NamespacePair.RunAsync("ip", "netns", "exec", Namespace, "ip", "link", "set", "dev", Device, "up");
        await NamespacePair.RunAsync("ip", "netns", "exec", Namespace, "ip", "link", "set", "dev", "lo", "up");
        Sshd = new OpenSshServerFixture { ListenAddress = Address, NetworkNamespace = Namespace };
        await Sshd.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (Sshd is not null)
        {
            await Sshd.DisposeAsync();
        }

        await NamespacePair.RunAsync(allowFailure: true, "ip", "link", "del", _hostSide);
        await NamespacePair.RunAsync(allowFailure: true, "ip", "netns", "del", Namespace);
    }
}

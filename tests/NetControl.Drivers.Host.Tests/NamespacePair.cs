using NetControl.Tests.Shared;

namespace NetControl.Drivers.Host.Tests;

/// <summary>
/// Two network namespaces made for one test class (unique names), joined by a veth pair (<c>vha</c> in A,
/// <c>vhb</c> in B), both ends up, IPv4 only; removed on dispose. Needs root (the test command runs as root).
/// </summary>
public sealed class NamespacePair : IAsyncLifetime
{
    public string A { get; } = $"nch-{Environment.ProcessId % 10000}-{Guid.NewGuid().ToString("N")[..6]}a";

    public string B => A[..^1] + "b";

    public const string DeviceA = "vha";
    public const string DeviceB = "vhb";

    public async Task InitializeAsync()
    {
        await RunAsync("ip", "netns", "add", A);
        await RunAsync("ip", "netns", "add", B);
        foreach (string ns in new[] { A, B })
        {
            // IPv4 only: IPv6 link-local addresses change state on their own (DAD), which would blur the snapshots.
            await RunAsync("ip", "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
        }

        await RunAsync("ip", "link", "add", DeviceA, "netns", A, "type", "veth", "peer", "name", DeviceB, "netns", B);
        await RunAsync("ip", "netns", "exec", A, "ip", "link", "set", "dev", DeviceA, "up");
        await RunAsync("ip", "netns", "exec", B, "ip", "link", "set", "dev", DeviceB, "up");
        await RunAsync("ip", "netns", "exec", A, "ip", "link", "set", "dev", "lo", "up");
        await RunAsync("ip", "netns", "exec", B, "ip", "link", "set", "dev", "lo", "up");
    }

    public async Task DisposeAsync()
    {
        await RunAsync(allowFailure: true, "ip", "netns", "del", A);
        await RunAsync(allowFailure: true, "ip", "netns", "del", B);
    }

    /// <summary>Everything the host steps may touch in a namespace, as text to compare before and after.</summary>
    public static async Task<string> SnapshotAsync(string ns)
    {
        var parts = new List<string>();
        foreach (string[] query in new[]
        {
            new[] { "ip", "-j", "-d", "link", "show" },
            ["ip", "-j", "addr", "show"],
            ["ip", "-j", "route", "show", "table", "all"],
            ["ip", "-j", "rule", "show"],
            ["sysctl", "net.core.rmem_max", "net.core.wmem_max", "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem", "net.ipv4.tcp_congestion_control"],
        })
        {
            parts.Add(await RunAsync(["ip", "netns", "exec", ns, .. query]));
        }

        return string.Join("\n", parts);
    }

    public static Task<string> RunAsync(params string[] argv) => Tools.RunAsync(argv);

    public static Task<string> RunAsync(bool allowFailure, params string[] argv) => Tools.RunAsync(allowFailure, argv);
}

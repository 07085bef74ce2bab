using NetControl.Drivers.Host.Shell;

namespace NetControl.Cli.Transfer;

/// <summary>
/// The two transfer hosts of the walk-through as network namespaces joined by a veth pair (<c>tx0</c>, <c>tx1</c>),
/// IPv4 only, carrier up; removed on dispose.
/// </summary>
internal sealed class TransferNamespaces : IAsyncDisposable
{
    public const string DeviceA = "tx0";
    public const string DeviceB = "tx1";

    private static readonly LocalShell Shell = new();

    private TransferNamespaces(string a, string b)
    {
        A = a;
        B = b;
    }

    public string A { get; }

    public string B { get; }

    public static async Task<TransferNamespaces> CreateAsync(CancellationToken cancellationToken)
    {
        string tag = $"{Environment.ProcessId % 100000}";
        var made = new TransferNamespaces($"netctl-{tag}-a", $"netctl-{tag}-b");
        try
        {
            foreach (string ns in new[] { made.A, made.B })
            {
                await RunAsync(cancellationToken, "ip", "netns", "add", ns).ConfigureAwait(false);
                await RunAsync(cancellationToken, "ip", "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1").ConfigureAwait(false);
                await RunAsync(cancellationToken, "ip", "netns", "exec", ns, "ip", "link", "set", "dev", "lo", "up").ConfigureAwait(false);
            }

            await RunAsync(cancellationToken, "ip", "link", "add", DeviceA, "netns", made.A, "type", "veth", "peer", "name", DeviceB, "netns", made.B).ConfigureAwait(false);
            await RunAsync(cancellationToken, "ip", "netns", "exec", made.A, "ip", "link", "set", "dev", DeviceA, "up").ConfigureAwait(false);
            await RunAsync(cancellationToken, "ip", "netns", "exec", made.B, "ip", "link", "set", "dev", DeviceB, "up").ConfigureAwait(false);
            foreach (var (ns, device) in new[] { (made.A, DeviceA), (made.B, DeviceB) })
            {
                // Carrier up on both ends before anything reads the namespaces (their snapshots include link state).
                for (int i = 0; !(await RunAsync(cancellationToken, "ip", "netns", "exec", ns, "ip", "link", "show", "dev", device).ConfigureAwait(false)).Contains("LOWER_UP", StringComparison.Ordinal); i++)
                {
                    if (i == 100)
                    {
                        throw new TransferException($"{device} in {ns} has no carrier after 10 s");
                    }

                    await Task.Delay(100, cancellationToken).ConfigureAwait(false);
                }
            }

            return made;
        }
        catch
        {
            await made.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The namespace's links, addresses, routes, rules and TCP sysctls as text, to show that release restored it.</summary>
    public static async Task<string> SnapshotAsync(string ns, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        foreach (string[] query in new[]
        {
            new[] { "ip", "-j", "addr", "show" },
            ["ip", "-j", "route", "show", "table", "all"],
            ["ip", "-j", "rule", "show"],
            ["sysctl", "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem", "net.ipv4.tcp_congestion_control"],
        })
        {
            parts.Add(await RunAsync(cancellationToken, ["ip", "netns", "exec", ns, .. query]).ConfigureAwait(false));
        }

        return string.Join('\n', parts);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (string ns in new[] { A, B })
        {
            try
            {
                await RunAsync(CancellationToken.None, "ip", "netns", "del", ns).ConfigureAwait(false);
            }
            catch (TransferException)
            {
                // Not made, or already gone.
            }
        }
    }

    /// <summary>Runs through the host driver's local shell (time limit, one-line failures); a failure is a <see cref="TransferException"/>.</summary>
    private static async Task<string> RunAsync(CancellationToken cancellationToken, params string[] argv)
    {
        var command = new HostCommand(argv);
        var result = await Shell.RunAsync(command, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.Output : throw new TransferException($"'{command}' failed: {result.Reason}");
    }
}

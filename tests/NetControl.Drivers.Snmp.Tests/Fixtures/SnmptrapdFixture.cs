using System.Text;

namespace NetControl.Drivers.Snmp.Tests.Fixtures;

/// <summary>
/// A real net-snmp notification receiver (<c>/usr/sbin/snmptrapd</c>) on a free loopback UDP port with its own
/// configuration: it logs (<c>authCommunity log</c>) v2c traps and informs sent with <see cref="Community"/>, and v3
/// notifications of the given users, each bound to the engine id of the sender that is authoritative for them
/// (a trap's sender: <c>createUser -e ENGINEID</c>). Every accepted notification becomes one line on its standard
/// output (<c>NOTIFICATION %P|%b|varbinds separated by tabs</c>, numeric OIDs), which
/// <see cref="WaitForNotificationAsync"/> parses. Start with <see cref="StartAsync"/>.
/// </summary>
internal sealed class SnmptrapdFixture : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly NetSnmpHome _home;
    private readonly NetSnmpDaemon _daemon;

    private SnmptrapdFixture(NetSnmpHome home, NetSnmpDaemon daemon, int port, string community)
    {
        _home = home;
        _daemon = daemon;
        Port = port;
        Community = community;
    }

    public int Port { get; }

    public string Community { get; }

    /// <summary>The receiver's address as net-snmp tools take it: <c>127.0.0.1:PORT</c>.</summary>
    public string Target => $"127.0.0.1:{Port}";

    /// <summary>Every notification logged so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedNotification> Notifications =>
        [.. _daemon.Lines.Select(ReceivedNotification.TryParse).OfType<ReceivedNotification>()];

    /// <summary>The daemon's log so far, for failure messages.</summary>
    public string Log => _daemon.Describe(50);

    /// <summary>
    /// Starts snmptrapd accepting v2c community <paramref name="community"/> and the v3 <paramref name="users"/>
    /// (user, hex engine id of the sender), and waits until it is listening.
    /// </summary>
    public static async Task<SnmptrapdFixture> StartAsync(string community = "public", IReadOnlyList<(NetSnmpUser User, string EngineIdHex)>? users = null)
    {
        NetSnmpInstallation.Require(NetSnmpInstallation.Snmptrapd);
        string failure = string.Empty;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            var home = new NetSnmpHome("snmptrapd");
            int port = LoopbackUdp.FreePort();
            string config = home.WriteFile("snmptrapd.conf", Configuration(community, users ?? []));
            var daemon = NetSnmpDaemon.Start(
                NetSnmpInstallation.Snmptrapd,
                home,
                ["-f", "-Lo", "-C", "-c", config, "-n", "-On", "-Oe", "-m", string.Empty, $"udp:127.0.0.1:{port}"]);
            var started = await daemon.WaitForLineAsync(l => l.StartsWith("NET-SNMP version", StringComparison.Ordinal), StartTimeout).ConfigureAwait(false);
            if (started is not null && !daemon.HasExited)
            {
                return new SnmptrapdFixture(home, daemon, port, community);
            }

            failure = daemon.Describe();
            await daemon.DisposeAsync().ConfigureAwait(false);
            home.Dispose();
        }

        throw new InvalidOperationException($"snmptrapd did not start on a loopback port: {failure}");
    }

    /// <summary>
    /// The first notification logged (since the start) that satisfies <paramref name="match"/>, waiting up to
    /// <paramref name="timeout"/>; fails the test with the daemon's log when none arrives.
    /// </summary>
    public async Task<ReceivedNotification> WaitForNotificationAsync(Func<ReceivedNotification, bool> match, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        var found = await _daemon.WaitForLineAsync(l => ReceivedNotification.TryParse(l) is { } n && match(n), timeout).ConfigureAwait(false);
        Assert.True(found is not null, $"snmptrapd logged no matching notification within {timeout.TotalSeconds:0} s:\n{Log}");
        return ReceivedNotification.TryParse(found.Value.Line)!;
    }

    public async ValueTask DisposeAsync()
    {
        await _daemon.DisposeAsync().ConfigureAwait(false);
        _home.Dispose();
    }

    private static string Configuration(string community, IReadOnlyList<(NetSnmpUser User, string EngineIdHex)> users)
    {
        var text = new StringBuilder();
        text.AppendLine($"authCommunity log {community}");
        foreach (var (user, engineId) in users)
        {
            text.AppendLine(user.CreateUserLine(engineId));
        }

        foreach (string name in users.Select(u => u.User.Name).Distinct(StringComparer.Ordinal))
        {
            text.AppendLine($"authUser log {name}");
        }

        text.AppendLine(@"format2 " + ReceivedNotification.LinePrefix + @"%P|%b|%V\t%v\n");
        return text.ToString();
    }
}

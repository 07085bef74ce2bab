using System.Text;

namespace NetControl.Drivers.Snmp.Tests.Fixtures;

/// <summary>
/// A real net-snmp agent (<c>/usr/sbin/snmpd</c>) on a free loopback UDP port, with its own configuration and
/// persistent folder in a temporary directory: read community <see cref="ReadCommunity"/>, write community
/// <see cref="WriteCommunity"/>, SNMPv3 users <see cref="NetSnmpUser.Sha"/> (SHA/AES) and
/// <see cref="NetSnmpUser.Sha256"/> (SHA-256/AES) with read-write access at authPriv, <see cref="NetSnmpUser.ShaAuthOnly"/>
/// and <see cref="NetSnmpUser.Sha256AuthOnly"/> (no privacy) with read-write access at authNoPriv, and the engine id
/// <see cref="EngineIdHex"/>. Ready once it answers a GET. Use as an xunit class fixture.
/// </summary>
public sealed class SnmpdFixture : IAsyncLifetime
{
    /// <summary>The text of the <c>engineID</c> line; net-snmp makes it 80001F88 04 followed by the text (RFC 3411 text format, enterprise 8072).</summary>
    public const string EngineIdText = "netcontrol-snmpd";

    /// <summary>sysName.0 of the agent.</summary>
    public const string SysName = "netcontrol-snmpd-fixture";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private NetSnmpHome? _home;
    private NetSnmpDaemon? _daemon;

    public string ReadCommunity => "public";

    public string WriteCommunity => "private";

    /// <summary>The UDP port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>The agent address as net-snmp tools take it: <c>127.0.0.1:PORT</c>.</summary>
    public string Target => $"127.0.0.1:{Port}";

    /// <summary>snmpEngineID in hex (no 0x), as net-snmp derives it from <see cref="EngineIdText"/>.</summary>
    public static string EngineIdHex => "80001F8804" + Convert.ToHexString(Encoding.ASCII.GetBytes(EngineIdText));

    internal static IReadOnlyList<NetSnmpUser> Users { get; } = [NetSnmpUser.Sha, NetSnmpUser.Sha256, NetSnmpUser.ShaAuthOnly, NetSnmpUser.Sha256AuthOnly];

    /// <summary>The daemon's log so far, for failure messages.</summary>
    public string Log => _daemon?.Describe() ?? "(not started)";

    public async Task InitializeAsync()
    {
        NetSnmpInstallation.Require(NetSnmpInstallation.Snmpd);
        NetSnmpInstallation.Require("snmpget");
        string? failure = null;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            _home = new NetSnmpHome("snmpd");
            Port = LoopbackUdp.FreePort();
            string config = _home.WriteFile("snmpd.conf", Configuration());
            _daemon = NetSnmpDaemon.Start(NetSnmpInstallation.Snmpd, _home, ["-f", "-Lo", "-C", "-c", config, "-I", "-smux", "-m", string.Empty, $"udp:127.0.0.1:{Port}"]);
            if (await ReadyAsync().ConfigureAwait(false))
            {
                return;
            }

            failure = _daemon.Describe();
            await DisposeAsync().ConfigureAwait(false);
        }

        throw new InvalidOperationException($"snmpd did not start answering on a loopback port: {failure}");
    }

    public async Task DisposeAsync()
    {
        if (_daemon is not null)
        {
            await _daemon.DisposeAsync().ConfigureAwait(false);
            _daemon = null;
        }

        _home?.Dispose();
        _home = null;
    }

    private static string Configuration()
    {
        var text = new StringBuilder();
        text.AppendLine("rocommunity public 127.0.0.1");
        text.AppendLine("rwcommunity private 127.0.0.1");
        foreach (var user in Users)
        {
            text.AppendLine(user.CreateUserLine());
            text.AppendLine($"rwuser {user.Name} {(user.HasPrivacy ? "priv" : "auth")}");
        }

        text.AppendLine($"engineID {EngineIdText}");
        text.AppendLine($"sysName {SysName}");
        return text.ToString();
    }

    private async Task<bool> ReadyAsync()
    {
        var started = await _daemon!.WaitForLineAsync(l => l.StartsWith("NET-SNMP version", StringComparison.Ordinal), StartTimeout).ConfigureAwait(false);
        if (started is null)
        {
            return false;
        }

        // The banner comes once the transports are open; one GET proves the agent answers.
        var probe = await NetSnmpTool.RunAsync("snmpget", ["-On", "-t", "2", "-r", "3", "-v2c", "-c", ReadCommunity, Target, "1.3.6.1.2.1.1.3.0"]).ConfigureAwait(false);
        return probe.Succeeded;
    }
}

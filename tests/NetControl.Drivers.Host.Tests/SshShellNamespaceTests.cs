using NetControl.Drivers.Host.Configuration;
using NetControl.Drivers.Host.Shell;
using NetControl.Drivers.Host.Steps;

namespace NetControl.Drivers.Host.Tests;

/// <summary>
/// The host driver over SSH against a real OpenSSH server running inside a network namespace (key authentication,
/// pinned host key): the same steps apply, read back and roll back exactly as locally; a wrong pin is refused.
/// </summary>
public sealed class SshShellNamespaceTests(SshNamespace remote) : IClassFixture<SshNamespace>
{
    [Fact]
    public async Task ApplyAsync_OverSsh_ConfiguresTheNamespaceAndRollsBackExactly()
    {
        string before = await NamespacePair.SnapshotAsync(remote.Namespace);
        using var shell = new SshShell(Options(remote.Sshd.HostKeySha256));
        var configurator = new HostConfigurator(shell);
        IHostStep[] steps =
        [
            new InterfaceAddress(SshNamespace.Device, "10.77.41.2/24"),
            new Route("10.88.9.0/24", SshNamespace.Device, Via: "10.77.40.1", Table: "200"),
            new PolicyRule("10.77.41.2", "200", 1200),
            new Sysctl("net.ipv4.tcp_rmem", "4096 131072 12000000"),
        ];

        var dry = await configurator.DryRunAsync(steps);
        var changes = await configurator.ApplyAsync(steps);

        Assert.Equal(dry, changes.Commands);
        Assert.Equal(4, changes.Applied.Count);
        Assert.Contains("inet 10.77.41.2/24", await NamespacePair.RunAsync("ip", "netns", "exec", remote.Namespace, "ip", "addr", "show", "dev", SshNamespace.Device), StringComparison.Ordinal);
        Assert.Contains("10.88.9.0/24 via 10.77.40.1", await NamespacePair.RunAsync("ip", "netns", "exec", remote.Namespace, "ip", "route", "show", "table", "200"), StringComparison.Ordinal);
        Assert.Equal("4096 131072 12000000", Sysctl.Normalize(await NamespacePair.RunAsync("ip", "netns", "exec", remote.Namespace, "sysctl", "-n", "net.ipv4.tcp_rmem")));
        Assert.StartsWith($"ssh {remote.Sshd.UserName}@{remote.Address}:", changes.Host, StringComparison.Ordinal);

        await configurator.RollbackAsync(changes);
        Assert.Equal(before, await NamespacePair.SnapshotAsync(remote.Namespace));
    }

    [Fact]
    public async Task RunAsync_WrongHostKeyPin_RefusedAndSaysSo()
    {
        using var shell = new SshShell(Options("SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));

        var ex = await Assert.ThrowsAsync<HostCommandException>(() => shell.RunAsync(HostCommand.Of("true")));

        Assert.Contains($"host key SHA256:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("is not the pinned SHA256:AAAA", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownKey_AuthenticationRefused()
    {
        using var shell = new SshShell(Options(remote.Sshd.HostKeySha256) with { PrivateKeyPath = remote.Sshd.StrangerKeyPath });

        var ex = await Assert.ThrowsAsync<HostCommandException>(() => shell.RunAsync(HostCommand.Of("true")));

        Assert.Contains($"authentication as {remote.Sshd.UserName} refused", ex.Message, StringComparison.Ordinal);
    }

    private SshShellOptions Options(string pin) => new()
    {
        Host = remote.Address,
        Port = remote.Sshd.Port,
        UserName = remote.Sshd.UserName,
        PrivateKeyPath = remote.Sshd.ClientKeyPath,
        ExpectedHostKeySha256 = pin,
    };
}

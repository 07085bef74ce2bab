using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using NetControl.Agent.Configuration;
using NetControl.Agent.Hosting;
using NetControl.Agent.Tests.Support;
using NetControl.Messaging.Commands;
using NetControl.Messaging.Contracts;

namespace NetControl.Agent.Tests.HostCommands;

/// <summary>
/// The agent configures a remote host over SSH, end to end: a configuration file with <c>hostCommands.ssh</c> pointing
/// at a real OpenSSH server inside a network namespace (key authentication, pinned host key), the agent host built
/// from it applies a signed sysctl step there, the agent restarts, and the new one rolls the change set back from
/// its state directory to exactly the value read before.
/// </summary>
public sealed class HostCommandsOverSshTests(SshHostNamespace remote) : IClassFixture<SshHostNamespace>, IDisposable
{
    private const string AgentId = "caltech-fdt";
    private const string Key = "net.ipv4.tcp_rmem";
    private readonly string _dir = Directory.CreateTempSubdirectory("agent-over-ssh-").FullName;
    private readonly ECDsa _controllerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose()
    {
        _controllerKey.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task ApplyThenRestartThenRollback_OverSsh_RemoteSysctlSetThenRestored()
    {
        string before = await remote.SysctlAsync(Key);
        string wanted = before == "4096 131072 12345678" ? "4096 131072 23456789" : "4096 131072 12345678";
        var config = Config();
        Assert.Equal(remote.Sshd.ClientKeyPath, config.HostCommands!.Ssh!.PrivateKeyPath);

        await using (var agent = new AgentHost(config))
        {
            var applied = await SendAsync(agent, "cmd-1", AgentOperations.Apply, [new HostStepSpec { Kind = "sysctl", Key = Key, Setting = wanted }]);

            Assert.True(applied.Succeeded, applied.Message);
            Assert.Equal([$"sysctl -q -w '{Key}={wanted}'"], applied.Commands);
            Assert.Equal(wanted, Normalize(await remote.SysctlAsync(Key)));
            Assert.True(File.Exists(Path.Combine(_dir, "journal", "host-changes", "lp-ssh.json")));
        }

        await using (var restarted = new AgentHost(config))
        {
            var rolledBack = await SendAsync(restarted, "cmd-2", AgentOperations.Rollback, []);

            Assert.True(rolledBack.Succeeded, rolledBack.Message);
            Assert.Equal([$"sysctl -q -w '{Key}={Normalize(before)}'"], rolledBack.Commands);
            Assert.Equal(Normalize(before), Normalize(await remote.SysctlAsync(Key)));
            Assert.False(File.Exists(Path.Combine(_dir, "journal", "host-changes", "lp-ssh.json")));
            Assert.Empty(restarted.HostCommands!.ChangeSets);
        }
    }

    [Fact]
    public async Task Apply_WrongHostKeyPin_RefusedAndNothingRecorded()
    {
        string before = await remote.SysctlAsync(Key);
        var config = Config(pin: "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        await using var agent = new AgentHost(config);

        var applied = await SendAsync(agent, "cmd-3", AgentOperations.Apply, [new HostStepSpec { Kind = "sysctl", Key = Key, Setting = "4096 131072 7777777" }]);

        Assert.False(applied.Succeeded);
        Assert.Contains("is not the pinned SHA256:AAAA", applied.Message, StringComparison.Ordinal);
        Assert.Equal(before, await remote.SysctlAsync(Key));
        Assert.Empty(agent.HostCommands!.ChangeSets);
        Assert.False(Directory.Exists(Path.Combine(_dir, "journal", "host-changes")) && Directory.EnumerateFiles(Path.Combine(_dir, "journal", "host-changes")).Any());
    }

    private AgentConfig Config(string? pin = null)
    {
        File.WriteAllText(Path.Combine(_dir, "controller.pub.pem"), _controllerKey.ExportSubjectPublicKeyInfoPem());
        string yaml = $"""
            agentId: {AgentId}
            broker: {"{"}secret: s{"}"}
            journal: journal
            hostCommands:
              controllerKeys:
                - {"{"}id: controller-1, publicKeyFile: controller.pub.pem{"}"}
              ssh:
                host: {remote.Address}
                port: {remote.Sshd.Port}
                user: {remote.Sshd.UserName}
                privateKey: {remote.Sshd.ClientKeyPath}
                knownHostSha256: "{pin ?? remote.Sshd.HostKeySha256}"
            """;
        return AgentConfigLoader.Parse(yaml, "agent.yaml", _dir);
    }

    private async Task<CommandResult> SendAsync(AgentHost agent, string commandId, string operation, HostStepSpec[] steps)
    {
        var command = new AgentCommand
        {
            CommandId = commandId,
            AgentId = AgentId,
            IssuedAt = DateTimeOffset.UtcNow,
            ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(1),
            Operation = operation,
            ChangeSetId = "lp-ssh",
            Steps = steps,
        };
        byte[] envelope = new CommandSigner(_controllerKey, "controller-1").Encode(command);
        Assert.True(await agent.HostCommands!.LoadAsync(CancellationToken.None));
        byte[] answer = await agent.HostCommands.HandleAsync(new ReadOnlySequence<byte>(envelope), CancellationToken.None);
        return JsonSerializer.Deserialize(answer, MessagingJsonContext.Default.CommandResult)!;
    }

    private static string Normalize(string value) => NetControl.Drivers.Host.Steps.Sysctl.Normalize(value);
}

using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Protocol;
using NetControl.Agent.HostCommands;
using NetControl.Drivers.Host.Configuration;
using NetControl.Drivers.Host.Shell;
using NetControl.Messaging.Agent;
using NetControl.Messaging.Broker;
using NetControl.Messaging.Commands;
using NetControl.Messaging.Connection;
using NetControl.Messaging.Contracts;
using NetControl.Messaging.StoreAndForward;
using NetControl.Messaging.Topics;
using NetControl.Tests.Shared;

namespace NetControl.Agent.Tests.HostCommands;

/// <summary>
/// Signed host commands end to end: the controller's identity publishes over the embedded broker to an agent whose
/// host is a network namespace made by the test; the agent verifies, applies, answers on its results topic, refuses
/// the same command again and a forged one, and rolls the change set back to exactly what was there.
/// </summary>
public sealed class HostCommandsEndToEndTests : IAsyncLifetime
{
    private const string AgentId = "cern-fdt";
    private const string ControllerUser = "netcontrol-controller";
    private const string ControllerSecret = "controller-secret";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private readonly string _ns = $"nca-{Guid.NewGuid().ToString("N")[..8]}";
    private readonly ECDsa _controllerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly Channel<CommandResult> _results = Channel.CreateUnbounded<CommandResult>();
    private readonly string _journal = Directory.CreateTempSubdirectory("agent-commands-").FullName;
    private EmbeddedBroker? _broker;
    private AgentPublisher? _agent;
    private IMqttClient? _controller;

    public async Task InitializeAsync()
    {
        await Tools.RunAsync("ip", "netns", "add", _ns);
        await Tools.RunAsync("ip", "netns", "exec", _ns, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
        await Tools.RunAsync("ip", "netns", "exec", _ns, "ip", "link", "add", "vca", "type", "veth", "peer", "name", "vcb");
        _broker = await EmbeddedBroker.StartAsync(new EmbeddedBrokerOptions
        {
            AgentSecrets = new Dictionary<string, string> { [AgentId] = "agent-secret" },
            ControllerUserName = ControllerUser,
            ControllerSecret = ControllerSecret,
        });
        var verifier = new CommandVerifier(new CommandVerifierOptions { AgentId = AgentId, Keys = new Dictionary<string, ECDsa> { ["controller-1"] = _controllerKey } });
        var service = new HostCommandService(verifier, new HostConfigurator(new LocalShell(_ns)), AgentId);
        _agent = new AgentPublisher(new AgentPublisherOptions
        {
            Broker = new BrokerConnectionOptions { Host = "127.0.0.1", Port = _broker.EndPoint.Port, UserName = AgentId, Secret = "agent-secret" },
            StoreAndForward = new StoreAndForwardOptions { Directory = _journal },
            CommandHandler = service.HandleAsync,
        });
        _agent.Start();
        _controller = new MqttClientFactory().CreateMqttClient();
        _controller.ApplicationMessageReceivedAsync += e =>
        {
            _results.Writer.TryWrite(JsonSerializer.Deserialize(e.ApplicationMessage.Payload.FirstSpan, MessagingJsonContext.Default.CommandResult)!);
            return Task.CompletedTask;
        };
        await _controller.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _broker.EndPoint.Port).WithCredentials(ControllerUser, ControllerSecret).WithClientId("controller-test").WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build());
        await _controller.SubscribeAsync(TopicScheme.Results(AgentId), MqttQualityOfServiceLevel.AtLeastOnce);
        var deadline = DateTime.UtcNow + Wait;
        while (!_agent.IsReceivingCommands && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(_agent.IsReceivingCommands, "the agent did not connect and subscribe to its commands");
    }

    public async Task DisposeAsync()
    {
        _controller?.Dispose();
        if (_agent is not null)
        {
            await _agent.DisposeAsync();
        }

        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        await Tools.RunAsync("ip", "netns", "del", _ns);
        _controllerKey.Dispose();
        Directory.Delete(_journal, recursive: true);
    }

    [Fact]
    public async Task Commands_SignedApplyReplayForgeryRollback_EachAnsweredAndTheHostRestored()
    {
        string before = await SnapshotAsync();
        var signer = new CommandSigner(_controllerKey, "controller-1");
        var apply = Command("cmd-apply", AgentOperations.Apply,
        [
            new HostStepSpec { Kind = "address", Device = "vca", Cidr = "10.77.50.1/24" },
            new HostStepSpec { Kind = "mtu", Device = "vca", Value = 9000 },
            new HostStepSpec { Kind = "sysctl", Key = "net.ipv4.tcp_rmem", Setting = "4096 131072 33554000" },
        ]);
        byte[] envelope = signer.Encode(apply);

        var applied = await SendAsync(envelope);
        Assert.True(applied.Succeeded, applied.Message);
        Assert.Equal("cmd-apply", applied.CommandId);
        Assert.Contains("ip addr add 10.77.50.1/24 dev vca", applied.Commands);
        Assert.Contains("sysctl -q -w 'net.ipv4.tcp_rmem=4096 131072 33554000'", applied.Commands);
        Assert.Contains("inet 10.77.50.1/24", await Tools.RunAsync("ip", "netns", "exec", _ns, "ip", "addr", "show", "dev", "vca"), StringComparison.Ordinal);

        var replayed = await SendAsync(envelope);
        Assert.False(replayed.Succeeded);
        Assert.StartsWith("refused (Replayed)", replayed.Message, StringComparison.Ordinal);

        using (var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            var forged = await SendAsync(new CommandSigner(forger, "controller-1").Encode(Command("cmd-forged", AgentOperations.Apply, [new HostStepSpec { Kind = "address", Device = "vcb", Cidr = "10.66.0.1/24" }])));
            Assert.False(forged.Succeeded);
            Assert.StartsWith("refused (BadSignature)", forged.Message, StringComparison.Ordinal);
        }

        var notAllowed = await SendAsync(signer.Encode(Command("cmd-knob", AgentOperations.Apply, [new HostStepSpec { Kind = "sysctl", Key = "kernel.panic", Setting = "1" }])));
        Assert.False(notAllowed.Succeeded);
        Assert.Contains("sysctl 'kernel.panic' is not on the agent's allow-list", notAllowed.Message, StringComparison.Ordinal);

        var rolledBack = await SendAsync(signer.Encode(Command("cmd-rollback", AgentOperations.Rollback, [])));
        Assert.True(rolledBack.Succeeded, rolledBack.Message);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Channel_ApplyThenRollback_ResultsMatchedByCommandId()
    {
        string before = await SnapshotAsync();
        await using var channel = new HostCommandChannel(
            new BrokerConnectionOptions { Host = "127.0.0.1", Port = _broker!.EndPoint.Port, UserName = ControllerUser, Secret = ControllerSecret },
            new CommandSigner(_controllerKey, "controller-1"),
            clientId: "controller-channel-test");
        HostStepSpec[] steps = [new() { Kind = "address", Device = "vcb", Cidr = "10.77.51.1/24" }, new() { Kind = "txqueuelen", Device = "vcb", Value = 5000 }];

        var dry = await channel.SendAsync(AgentId, AgentOperations.DryRun, "lp-8", steps, Wait);
        var applied = await channel.SendAsync(AgentId, AgentOperations.Apply, "lp-8", steps, Wait);
        var twice = await channel.SendAsync(AgentId, AgentOperations.Apply, "lp-8", steps, Wait);
        var rolledBack = await channel.SendAsync(AgentId, AgentOperations.Rollback, "lp-8", [], Wait);

        Assert.True(dry.Succeeded, dry.Message);
        Assert.Equal(["ip addr add 10.77.51.1/24 dev vcb", "ip link set dev vcb txqueuelen 5000"], dry.Commands);
        Assert.True(applied.Succeeded, applied.Message);
        Assert.Equal(dry.Commands, applied.Commands);
        Assert.False(twice.Succeeded);
        Assert.Contains("change set lp-8 is already applied", twice.Message, StringComparison.Ordinal);
        Assert.True(rolledBack.Succeeded, rolledBack.Message);
        Assert.Equal(before, await SnapshotAsync());
        var missing = await Assert.ThrowsAsync<NetControl.Messaging.MessagingException>(() => channel.SendAsync("no-such-agent", AgentOperations.DryRun, null, steps, TimeSpan.FromSeconds(2)));
        Assert.Contains("no result for dry-run command", missing.Message, StringComparison.Ordinal);
    }

    private static AgentCommand Command(string id, string operation, IReadOnlyList<HostStepSpec> steps) => new()
    {
        CommandId = id,
        AgentId = AgentId,
        IssuedAt = DateTimeOffset.UtcNow,
        ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(1),
        Operation = operation,
        ChangeSetId = "lp-7",
        Steps = steps,
    };

    private async Task<CommandResult> SendAsync(byte[] envelope)
    {
        await _controller!.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(TopicScheme.Commands(AgentId)).WithPayload(envelope).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        using var limit = new CancellationTokenSource(Wait);
        return await _results.Reader.ReadAsync(limit.Token);
    }

    private async Task<string> SnapshotAsync() =>
        await Tools.RunAsync("ip", "netns", "exec", _ns, "ip", "-j", "-d", "link", "show") + await Tools.RunAsync("ip", "netns", "exec", _ns, "ip", "-j", "addr", "show")
        + await Tools.RunAsync("ip", "netns", "exec", _ns, "sysctl", "net.ipv4.tcp_rmem");
}

using System.Net;
using NetControl.Messaging.Broker;
using NetControl.Probes.Sessions;
using static NetControl.Cli.Tests.CliRunner;

namespace NetControl.Cli.Tests.Commands;

/// <summary><c>netctl agent</c>: configuration errors, and a short run against a loopback reflector and embedded broker.</summary>
public sealed class AgentCommandTests
{
    [Fact]
    public async Task Agent_BadTargetAddress_ExitsTwoWithOneLine()
    {
        string path = TempFile("agent.yaml", "agentId: a1\nbroker: {secret: hunter2}\njournal: j\ntargets:\n  - id: t1\n    address: foo\n");

        var run = await Netctl("agent", "--config", path);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Equal($"netctl: error: {path}:6:14: targets[0].address: 'foo' is not host:port", run.Err.TrimEnd());
        Assert.Empty(run.Out);
        Assert.DoesNotContain("hunter2", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agent_MissingConfigFile_ExitsTwo()
    {
        var run = await Netctl("agent", "--config", "/nonexistent/agent.yaml");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.StartsWith("netctl: error: /nonexistent/agent.yaml: cannot read the agent configuration", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agent_NoConfigOption_UsageError()
    {
        var run = await Netctl("agent");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--config", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agent_ShortRun_PrintsOneLinePerIntervalAndStops()
    {
        await using var reflector = new StampReflector(new StampReflectorOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) });
        await using var broker = await EmbeddedBroker.StartAsync(new EmbeddedBrokerOptions { AgentSecrets = new Dictionary<string, string> { ["cli-agent"] = "cli-secret" } });
        string path = TempFile("agent.yaml", $"""
            agentId: cli-agent
            broker:
              port: {broker.EndPoint.Port}
              secretFile: agent.secret
            journal: journal
            defaults: {"{"}intervalMs: 20, reportingIntervalMs: 300, tmaxMs: 300{"}"}
            targets:
              - id: loop
                address: {reflector.LocalEndPoint}
            """);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(path)!, "agent.secret"), "cli-secret\n");

        var run = await Netctl("agent", "--config", path, "--duration", "2");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Count(l => l.Contains(" loop rtt median ", StringComparison.Ordinal)) >= 2, run.Out + run.Err);
        Assert.Matches(@"^agent cli-agent: \d+ summaries, 0 session restarts, 0 not yet acknowledged", lines[^1]);
        Assert.DoesNotContain("cli-secret", run.Out + run.Err, StringComparison.Ordinal);
    }
}

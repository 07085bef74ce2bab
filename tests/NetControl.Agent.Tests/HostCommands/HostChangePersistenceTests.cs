using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using NetControl.Agent.HostCommands;
using NetControl.Agent.Tests.Support;
using NetControl.Drivers.Host.Configuration;
using NetControl.Messaging.Commands;
using NetControl.Messaging.Contracts;
using NetControl.Tests.Shared;

namespace NetControl.Agent.Tests.HostCommands;

/// <summary>
/// Applied change sets survive an agent restart: each test "restarts" by building a new <see cref="HostCommandService"/>
/// (new verifier, new store object, nothing shared but the state directory and the host itself, a fake sysctl host).
/// </summary>
public sealed class HostChangePersistenceTests : IDisposable
{
    private const string AgentId = "cern-fdt";
    private const string Rmem = "net.ipv4.tcp_rmem";
    private const string Wmem = "net.ipv4.tcp_wmem";
    private readonly string _dir = Directory.CreateTempSubdirectory("agent-host-changes-").FullName;
    private readonly ECDsa _controllerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly FakeSysctlShell _host = new();
    private int _commands;

    public void Dispose()
    {
        _controllerKey.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Rollback_AfterRestart_RunsTheRecordedUndoCommandsAndRemovesTheFile()
    {
        var before = new Dictionary<string, string>(_host.Settings);
        var first = Agent();
        var applied = await SendAsync(first, AgentOperations.Apply, "lp-1", Tuning());
        Assert.True(applied.Succeeded, applied.Message);
        Assert.Equal(["sysctl -q -w 'net.ipv4.tcp_rmem=4096 131072 33554432'", "sysctl -q -w 'net.ipv4.tcp_wmem=4096 65536 33554432'"], applied.Commands);
        string file = Path.Combine(_dir, "lp-1.json");
        Assert.True(File.Exists(file));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));

        _host.Forget();
        var second = Agent();
        Assert.True(await second.LoadAsync(CancellationToken.None));
        Assert.Equal(["lp-1"], second.ChangeSets);
        var rolledBack = await SendAsync(second, AgentOperations.Rollback, "lp-1");

        Assert.True(rolledBack.Succeeded, rolledBack.Message);
        Assert.Equal("rolled back 2 steps", rolledBack.Message);
        // Exactly the recorded undo commands, last step first, and no reads: nothing was planned again.
        string[] undo = ["sysctl -q -w 'net.ipv4.tcp_wmem=4096 16384 4194304'", "sysctl -q -w 'net.ipv4.tcp_rmem=4096 131072 6291456'"];
        Assert.Equal(undo, _host.Ran.Select(c => c.ToString()));
        Assert.Equal(undo, rolledBack.Commands);
        Assert.Equal(before, _host.Settings);
        Assert.False(File.Exists(file));
        Assert.Empty(second.ChangeSets);
    }

    [Fact]
    public async Task Apply_SameIdAfterRestart_RefusedAndNothingRuns()
    {
        var first = Agent();
        Assert.True((await SendAsync(first, AgentOperations.Apply, "lp-2", Tuning())).Succeeded);
        _host.Settings[Rmem] = "4096 87380 6291456"; // someone changed it since: a second apply would have work to do
        _host.Forget();

        var second = Agent();
        var again = await SendAsync(second, AgentOperations.Apply, "lp-2", Tuning());

        Assert.False(again.Succeeded);
        Assert.Equal("change set lp-2 is already applied: roll it back first", again.Message);
        Assert.Empty(_host.Ran);
        Assert.Equal("4096 87380 6291456", _host.Settings[Rmem]);
    }

    [Fact]
    public async Task LoadAsync_CorruptFilesNextToAGoodOne_GoodKeptBadMovedAsideOneLogLineEach()
    {
        Assert.True((await SendAsync(Agent(), AgentOperations.Apply, "lp-3", Tuning())).Succeeded);
        string good = File.ReadAllText(Path.Combine(_dir, "lp-3.json"));
        File.WriteAllText(Path.Combine(_dir, "lp-truncated.json"), good[..(good.Length / 2)]);
        File.WriteAllText(Path.Combine(_dir, "lp-future.json"), good.Replace("\"version\": 1", "\"version\": 9", StringComparison.Ordinal).Replace("lp-3", "lp-future", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_dir, "lp-shape.json"), """{"version": 1, "changeSetId": "lp-shape", "host": "fake host", "appliedAt": "2026-12-01T00:00:00Z", "steps": [{"description": "x", "state": "y", "apply": [], "undo": [[]]}]}""");
        File.WriteAllText(Path.Combine(_dir, "lp-array.json"), "[1, 2]");
        File.WriteAllText(Path.Combine(_dir, "lp-empty.json"), string.Empty);
        File.WriteAllText(Path.Combine(_dir, "lp-half.json.tmp"), good[..10]);
        var log = new LogCapture();

        var agent = Agent(log);
        Assert.True(await agent.LoadAsync(CancellationToken.None));

        Assert.Equal(["lp-3"], agent.ChangeSets);
        Assert.Equal(
            ["lp-3.json", "lp-array.json.bad", "lp-empty.json.bad", "lp-future.json.bad", "lp-half.json.tmp.bad", "lp-shape.json.bad", "lp-truncated.json.bad"],
            Directory.GetFiles(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var bad = log.Messages(6551);
        Assert.Equal(6, bad.Count);
        Assert.All(bad, line => Assert.DoesNotContain('\n', line));
        Assert.Contains(bad, l => l.Contains("lp-truncated.json: not valid JSON (truncated or damaged)", StringComparison.Ordinal));
        Assert.Contains(bad, l => l.Contains("lp-future.json: unknown version 9 (this agent reads version 1)", StringComparison.Ordinal));
        Assert.Contains(bad, l => l.Contains("lp-shape.json: wrong shape: steps[0] (x) has an empty or null command", StringComparison.Ordinal));
        Assert.Contains(bad, l => l.Contains("lp-array.json: wrong shape: a JSON array, not an object", StringComparison.Ordinal));
        Assert.Contains(bad, l => l.Contains("lp-empty.json: empty (truncated)", StringComparison.Ordinal));
        Assert.Contains(bad, l => l.Contains("lp-half.json.tmp: an interrupted write", StringComparison.Ordinal));
        Assert.Contains("1 applied change sets loaded", Assert.Single(log.Messages(6550)), StringComparison.Ordinal);

        var rolledBack = await SendAsync(agent, AgentOperations.Rollback, "lp-3");
        Assert.True(rolledBack.Succeeded, rolledBack.Message);
        Assert.Equal("4096 131072 6291456", _host.Settings[Rmem]);
    }

    [Fact]
    public async Task LoadAsync_MissingFieldsOrUnknownMember_MovedAsideAsWrongShape()
    {
        File.WriteAllText(Path.Combine(_dir, "lp-a.json"), """{"version": 1, "changeSetId": "lp-a", "host": "fake host", "appliedAt": "2026-12-01T00:00:00Z"}""");
        File.WriteAllText(Path.Combine(_dir, "lp-b.json"), """{"version": 1, "changeSetId": "lp-b", "host": null, "appliedAt": "2026-12-01T00:00:00Z", "steps": []}""");
        File.WriteAllText(Path.Combine(_dir, "lp-c.json"), """{"version": 1, "changeSetId": "lp-c", "host": "h", "appliedAt": "2026-12-01T00:00:00Z", "steps": [], "colour": "red"}""");
        File.WriteAllText(Path.Combine(_dir, "lp-d.json"), """{"version": 1, "changeSetId": "lp-other", "host": "h", "appliedAt": "2026-12-01T00:00:00Z", "steps": []}""");
        var log = new LogCapture();

        var loaded = new HostChangeStore(_dir, log.For<HostChangeStore>()).LoadAll();

        Assert.Empty(loaded);
        Assert.Equal(["lp-a.json.bad", "lp-b.json.bad", "lp-c.json.bad", "lp-d.json.bad"], Directory.GetFiles(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var bad = log.Messages(6551);
        Assert.Equal(4, bad.Count);
        Assert.All(bad.Take(3), line => Assert.Contains(": wrong shape: ", line, StringComparison.Ordinal));
        Assert.Contains("holds change set 'lp-other', whose file is lp-other.json", bad[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_UndoFailsAfterRestart_FileKeptWithOnlyTheFailedCommandAndARetryFinishes()
    {
        Assert.True((await SendAsync(Agent(), AgentOperations.Apply, "lp-4", Tuning())).Succeeded);
        _host.FailingWrites.Add("net.ipv4.tcp_rmem=4096 131072 6291456");
        string file = Path.Combine(_dir, "lp-4.json");

        var second = Agent();
        var failed = await SendAsync(second, AgentOperations.Rollback, "lp-4");

        Assert.False(failed.Succeeded);
        Assert.Contains("rollback of change set lp-4 incomplete: 'sysctl -q -w 'net.ipv4.tcp_rmem=4096 131072 6291456'': sysctl: setting key \"net.ipv4.tcp_rmem\": Operation not permitted", failed.Message, StringComparison.Ordinal);
        Assert.Contains($"the 1 failed undo commands are kept in {file}", failed.Message, StringComparison.Ordinal);
        Assert.Equal("4096 16384 4194304", _host.Settings[Wmem]); // the other undo did run
        Assert.True(File.Exists(file));
        Assert.Equal(["lp-4"], second.ChangeSets);

        _host.FailingWrites.Clear();
        _host.Forget();
        var third = Agent();
        var retried = await SendAsync(third, AgentOperations.Rollback, "lp-4");

        Assert.True(retried.Succeeded, retried.Message);
        Assert.Equal(["sysctl -q -w 'net.ipv4.tcp_rmem=4096 131072 6291456'"], _host.Writes);
        Assert.Equal("4096 131072 6291456", _host.Settings[Rmem]);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task Apply_StateDirectoryUnwritable_HostUndoneAndApplyFails()
    {
        var before = new Dictionary<string, string>(_host.Settings);
        string notADirectory = Path.Combine(_dir, "plain-file");
        File.WriteAllText(notADirectory, "x");
        var agent = new HostCommandService(Verifier(), new HostConfigurator(_host), AgentId, store: new HostChangeStore(Path.Combine(notADirectory, "host-changes")));

        var applied = await SendAsync(agent, AgentOperations.Apply, "lp-5", Tuning());

        Assert.False(applied.Succeeded);
        Assert.StartsWith("applied but not recorded (cannot record change set lp-5 in '", applied.Message, StringComparison.Ordinal);
        Assert.EndsWith("), so undone", applied.Message, StringComparison.Ordinal);
        Assert.Equal(before, _host.Settings);
        Assert.Empty(agent.ChangeSets);
    }

    [Fact]
    public async Task Rollback_OtherHostAfterRestart_RefusedAndKept()
    {
        Assert.True((await SendAsync(Agent(), AgentOperations.Apply, "lp-6", Tuning())).Succeeded);
        var elsewhere = new FakeSysctlShell("another host");

        var agent = new HostCommandService(Verifier(), new HostConfigurator(elsewhere), AgentId, store: new HostChangeStore(_dir));
        var refused = await SendAsync(agent, AgentOperations.Rollback, "lp-6");

        Assert.False(refused.Succeeded);
        Assert.Equal("change set lp-6 was applied on fake host, but this agent now configures another host: not rolled back (kept)", refused.Message);
        Assert.Empty(elsewhere.Ran);
        Assert.True(File.Exists(Path.Combine(_dir, "lp-6.json")));
    }

    [Theory]
    [InlineData("lp-7", "lp-7")]
    [InlineData("../../etc/passwd", "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd")]
    [InlineData("a.b c", "a%2Eb%20c")]
    [InlineData("é", "%C3%A9")]
    public void FileNameOf_AnyId_StaysInsideTheDirectory(string id, string expected)
    {
        Assert.Equal(expected, HostChangeStore.FileNameOf(id));
        Assert.Equal(_dir, Path.GetDirectoryName(new HostChangeStore(_dir).PathOf(id)));
    }

    [Fact]
    public async Task SaveAsync_ThenLoadAll_SameHostStepsAndCommands()
    {
        var changes = await new HostConfigurator(_host).ApplyAsync([new NetControl.Drivers.Host.Steps.Sysctl(Rmem, "1 2 3")]);
        var store = new HostChangeStore(Path.Combine(_dir, "nested", "deeper"));

        await store.SaveAsync("id with spaces/and slash", changes, CancellationToken.None);
        var back = Assert.Single(new HostChangeStore(store.Directory).LoadAll());

        Assert.Equal("id with spaces/and slash", back.Key);
        Assert.Equal("fake host", back.Value.Host);
        var step = Assert.Single(back.Value.Applied);
        Assert.Equal("sysctl net.ipv4.tcp_rmem = 1 2 3", step.Step.Describe());
        Assert.Equal("4096 131072 6291456", step.Plan.State);
        Assert.Equal(changes.Applied[0].Plan.Apply, step.Plan.Apply);
        Assert.Equal(changes.Applied[0].Plan.Undo, step.Plan.Undo);
        await Assert.ThrowsAsync<HostConfigurationException>(() => step.Step.PlanAsync(new NetControl.Drivers.Host.Steps.HostReader(_host)));
    }

    private HostCommandService Agent(LogCapture? log = null) =>
        new(Verifier(), new HostConfigurator(_host), AgentId, store: new HostChangeStore(_dir, log?.For<HostChangeStore>()));

    private CommandVerifier Verifier() =>
        new(new CommandVerifierOptions { AgentId = AgentId, Keys = new Dictionary<string, ECDsa> { ["controller-1"] = _controllerKey } });

    private static HostStepSpec[] Tuning() =>
    [
        new() { Kind = "sysctl", Key = Rmem, Setting = "4096 131072 33554432" },
        new() { Kind = "sysctl", Key = Wmem, Setting = "4096 65536 33554432" },
    ];

    private async Task<CommandResult> SendAsync(HostCommandService agent, string operation, string changeSetId, HostStepSpec[]? steps = null)
    {
        var command = new AgentCommand
        {
            CommandId = $"cmd-{Interlocked.Increment(ref _commands)}",
            AgentId = AgentId,
            IssuedAt = DateTimeOffset.UtcNow,
            ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(1),
            Operation = operation,
            ChangeSetId = changeSetId,
            Steps = steps ?? [],
        };
        byte[] envelope = new CommandSigner(_controllerKey, "controller-1").Encode(command);
        byte[] answer = await agent.HandleAsync(new ReadOnlySequence<byte>(envelope), CancellationToken.None);
        return JsonSerializer.Deserialize(answer, MessagingJsonContext.Default.CommandResult)!;
    }
}

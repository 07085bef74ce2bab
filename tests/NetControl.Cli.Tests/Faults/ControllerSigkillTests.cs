using System.Diagnostics;
using System.Globalization;
using NetControl.Controller.Api.Dtos;
using NetControl.Core.Lightpaths;
using Xunit.Abstractions;

namespace NetControl.Cli.Tests.Faults;

/// <summary>
/// The process-level counterpart of the orchestration tests' in-process kill model: a real <c>netctl controller</c>
/// process is SIGKILLed at a random moment while clients request and release lightpaths through its REST API, a new
/// one is started on the same SQLite file and the same switches (a long-lived <c>netctl sim optical</c> process), and
/// the switches, read over TL1 by the test itself, must match what the restarted controller records. The restarted
/// controller then releases everything, the switches must be empty, it requests and releases one lightpath per pair
/// (so that it is as warm as a long-running controller), and it is the next trial's victim. Two clients work at once,
/// cern-fdt to caltech-fdt (lit) and AMS-GG to CHI-PXC (dark), each requesting and releasing lightpaths back to back. The seed
/// (fixed; NETCTL_FAULT_SEED sets another) fixes each trial's kill point and delay and which lightpaths are released; each trial prints one line: what the clients saw, what the
/// restarted controller finished, rolled back or restored, and what it records.
/// </summary>
public sealed class ControllerSigkillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Trials = 50;
    private const int Cycles = 3;
    private const int MaxKillDelayMs = 80;

    // Fixed so that every run makes the same choices (the kill still lands wherever the processes are at that moment).
    private const int DefaultSeed = 20261207;
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(45);
    // One lightpath that carries light (the demo's transfer hosts transmit) and one that carries none (switch ports
    // with no transmitter: dark everywhere, which a restarted controller must not take for a cut).
    private static readonly (string From, string To)[] Pairs = [("cern-fdt", "caltech-fdt"), ("AMS-GG", "CHI-PXC")];

    private readonly string _directory = Directory.CreateTempSubdirectory("netctl-sigkill-").FullName;
    private readonly int _listenPort = CliRunner.FreePort();
    private SimulatorProcess? _simulator;
    private SwitchTruth? _truth;
    private ControllerProcess? _controller;
    private string _config = "";
    private HashSet<string> _before = [];

    public async Task InitializeAsync()
    {
        string topology = CliRunner.Repo("topology", "uslhcnet.yaml");
        _simulator = await SimulatorProcess.StartAsync(_directory, topology, latencyMs: 5, StartLimit);
        _truth = await SwitchTruth.ConnectAsync(_simulator.Switches);
        _config = ControllerProcess.WriteConfig(_directory, _listenPort, topology, _simulator.Switches);
    }

    /// <summary>Kills the controller and the simulator whatever happened, then removes the database and configuration.</summary>
    public async Task DisposeAsync()
    {
        try
        {
            await using (_simulator)
            await using (_truth)
            await using (_controller)
            {
            }
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Restart_AfterSigkillAtRandomPoint_DevicesMatchRecordedState()
    {
        int seed = int.TryParse(Environment.GetEnvironmentVariable("NETCTL_FAULT_SEED"), CultureInfo.InvariantCulture, out int s) ? s : DefaultSeed;
        var random = new Random(seed);
        output.WriteLine($"seed {seed} (NETCTL_FAULT_SEED={seed} replays these kill delays and choices); {Trials} trials, {Pairs.Length} clients of {Cycles} lightpaths each, kills within {MaxKillDelayMs} ms");
        var total = Stopwatch.StartNew();
        _controller = await ControllerProcess.StartAsync(_config, _listenPort, StartLimit);
        Assert.Null(await WarmUpAsync());
        List<string> failures = [];
        int midWork = 0, interrupted = 0, restored = 0;
        for (int trial = 0; trial < Trials; trial++)
        {
            var result = await TrialAsync(trial, random);
            midWork += result.ClientMidWork ? 1 : 0;
            interrupted += result.Interrupted ? 1 : 0;
            restored += result.Restored ? 1 : 0;
            output.WriteLine(result.Line);
            if (result.Problems.Count > 0)
            {
                failures.Add($"seed {seed} trial {trial}:\n  {string.Join("\n  ", result.Problems)}");
                output.WriteLine($"  FAILED:\n  {string.Join("\n  ", result.Problems)}\n  restarted controller's log (last lines):\n{_controller!.Process.Log()}");
            }

            if ((await CleanUpAsync() ?? await WarmUpAsync()) is { } broken)
            {
                failures.Add($"seed {seed} trial {trial}: after the restart, {broken}; trials stopped");
                break;
            }
        }

        output.WriteLine($"{Trials} trials in {total.Elapsed.TotalSeconds:0.0} s: {midWork} killed while a client's work was unfinished, {interrupted} left work the restarted controller finished or rolled back, {restored} restarts were followed by the restoration of an active lightpath; {failures.Count} failed");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(midWork >= Trials / 2 && interrupted >= Trials / 5, $"only {midWork} of {Trials} kills landed while a client waited, {interrupted} left work for the restarted controller");
    }

    /// <summary>
    /// One kill and restart: returns the trial's line, what is wrong after the restart, whether a client's work was
    /// unfinished when the controller died, and whether the restarted controller had interrupted work to finish or roll back.
    /// </summary>
    private async Task<Trial> TrialAsync(int trial, Random random)
    {
        var victim = _controller!;
        // Each client requests and releases lightpaths back to back (the last one is kept or released), so that the
        // controller is provisioning or releasing for most of the time the kill may land in.
        var chains = Pairs.Select(p => Enumerable.Range(0, Cycles).Select(i => new ClientLightpath(p.From, p.To, release: i < Cycles - 1 || random.Next(2) == 0)).ToList()).ToList();
        var clients = chains.SelectMany(c => c).ToList();
        int delay = random.Next(MaxKillDelayMs);
        var clock = Stopwatch.StartNew();
        var work = chains.Select(chain => ClientLightpath.RunUntilKilledAsync(chain, victim.Api, clock)).ToList();
        await Task.Delay(delay);
        // Kill(entireProcessTree) looks for children before it signals: the SIGKILL lands between killFrom and killTo.
        long killFrom = clock.ElapsedMilliseconds;
        victim.Process.Kill();
        long killTo = clock.ElapsedMilliseconds;
        string atKill = string.Join(", ", chains.Select(chain => chain.LastOrDefault(c => c.Phase != ClientPhase.NotStarted) is { } c ? $"#{chain.IndexOf(c) + 1} {c.Phase.ToString().ToLowerInvariant()}" : "not started"));
        bool clientMidWork = clients.Any(c => !c.Done);
        await victim.Process.WaitForExitAsync();
        var dead = DateTimeOffset.UtcNow;
        var errors = await Task.WhenAll(work);
        _controller = null;
        await victim.DisposeAsync();

        var restart = Stopwatch.StartNew();
        _controller = await ControllerProcess.StartAsync(_config, _listenPort, StartLimit);
        double startSeconds = restart.Elapsed.TotalSeconds;
        var (recorded, problems) = await SettleAsync(clients);
        problems.InsertRange(0, errors.OfType<string>());
        var acknowledged = clients.Select(c => c.Id).OfType<string>().ToHashSet();
        var fresh = recorded.Where(l => !_before.Contains(l.Id)).ToList();
        string states = string.Join(", ", fresh.Select(l => $"{l.Id} {l.State}{(acknowledged.Contains(l.Id) ? "" : " (unacknowledged)")}"));
        var after = fresh.Select(l => (l.Id, l.State, Transitions: l.History.Where(t => t.At > dead).ToList())).Where(l => l.Transitions.Count > 0).ToList();
        var finished = after.Where(l => l.Transitions[0].From != "active").Select(l => $"{l.Id} {string.Join("->", l.Transitions.Select(t => t.From).Append(l.State))}").ToList();
        var restored = after.Where(l => l.Transitions[0].From == "active").Select(l => $"{l.Id} {string.Join("->", l.Transitions.Select(t => t.From).Append(l.State))}").ToList();
        string line = $"trial {trial}: SIGKILL at {killFrom}-{killTo} ms ({(clientMidWork ? "mid-work" : "idle")}: {atKill}) [{string.Join("; ", clients.Where(c => c.Phase != ClientPhase.NotStarted))}]; " +
            $"restart {startSeconds:0.0} s: removed {_controller.Process.Count("removing unclaimed cross-connect")} unclaimed cross-connects, re-made {_controller.Process.Count("re-made missing cross-connects")}, " +
            $"finished {(finished.Count == 0 ? "nothing" : string.Join(", ", finished))}{(restored.Count == 0 ? "" : $", restored active {string.Join(", ", restored)}")}; " +
            $"recorded {(states.Length == 0 ? "nothing new" : states)}: {(problems.Count == 0 ? "devices match" : "MISMATCH")}";
        return new Trial(line, problems, clientMidWork, finished.Count > 0, restored.Count > 0);
    }

    /// <summary>Polls the restarted controller and the switches until every check passes; the last problems otherwise.</summary>
    private async Task<(IReadOnlyList<LightpathDto> Recorded, List<string> Problems)> SettleAsync(IReadOnlyList<ClientLightpath> clients)
    {
        var deadline = DateTime.UtcNow + SettleLimit;
        while (true)
        {
            var recorded = await _controller!.Api.ListAsync();
            var devices = await _truth!.ReadAsync();
            var problems = RecordedStateCheck.Problems(recorded, devices, _truth, clients);
            if (problems.Count == 0 || DateTime.UtcNow > deadline)
            {
                if (problems.Count > 0)
                {
                    problems.Add($"(still so {SettleLimit.TotalSeconds:0} s after the restart; switches hold: {string.Join(", ", devices)})");
                }

                return (recorded, problems);
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Releases every lightpath that is not released yet (again when one comes back active or failed, as after a
    /// restoration); null once all are released and the switches are empty, else what is left.
    /// </summary>
    private async Task<string?> CleanUpAsync()
    {
        var api = _controller!.Api;
        var deadline = DateTime.UtcNow + SettleLimit;
        while (true)
        {
            var left = (await api.ListAsync()).Where(l => ControllerApi.State(l) != LightpathState.Released).ToList();
            foreach (var lightpath in left.Where(l => ControllerApi.State(l) is LightpathState.Active or LightpathState.Failed))
            {
                try
                {
                    await api.ReleaseAsync(lightpath.Id);
                }
                catch (HttpRequestException ex) when (ex.StatusCode is not null)
                {
                    // It moved on (restoring, releasing) since it was listed: the next round sees it again.
                }
            }

            var devices = await _truth!.ReadAsync();
            if (left.Count == 0 && devices.Count == 0)
            {
                return null;
            }

            if (DateTime.UtcNow > deadline)
            {
                return $"releasing everything left {string.Join(", ", left.Select(l => $"{l.Id} {l.State}"))} and switches holding {string.Join(", ", devices)}";
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Requests and releases one lightpath per pair on the new controller, so that the next trial's kill delays fall
    /// on a controller as warm as a long-running one (a fresh process takes far longer over its first requests); null
    /// when that worked, else what failed.
    /// </summary>
    private async Task<string?> WarmUpAsync()
    {
        var clients = Pairs.Select(p => new ClientLightpath(p.From, p.To, release: true)).ToList();
        var clock = Stopwatch.StartNew();
        try
        {
            await Task.WhenAll(clients.Select(c => c.RunAsync(_controller!.Api, clock)));
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException)
        {
            return $"warming up failed: {ex.Message}";
        }

        if (!clients.All(c => c.Phase == ClientPhase.Released))
        {
            return $"warming up did not release: {string.Join("; ", clients)}";
        }

        _before = [.. (await _controller!.Api.ListAsync()).Select(l => l.Id)];
        return null;
    }

    private sealed record Trial(string Line, List<string> Problems, bool ClientMidWork, bool Interrupted, bool Restored);
}

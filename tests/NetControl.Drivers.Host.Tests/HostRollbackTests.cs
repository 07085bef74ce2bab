using NetControl.Drivers.Host.Configuration;
using NetControl.Drivers.Host.Shell;
using NetControl.Drivers.Host.Steps;

namespace NetControl.Drivers.Host.Tests;

/// <summary>
/// <see cref="HostConfigurator.TryRollbackAsync"/> and <see cref="RecordedStep"/>: a change set read back from storage
/// (only descriptions and commands) is undone in reverse order, and what failed is what is left for a retry.
/// </summary>
public sealed class HostRollbackTests
{
    [Fact]
    public async Task TryRollbackAsync_OneUndoFails_RemainingHoldsOnlyThatCommandAndOthersRan()
    {
        var shell = new ScriptedShell("host-a", failing: "ip addr del 10.0.0.1/24 dev eth0");
        var changes = new HostChangeSet("host-a",
        [
            RecordedStep.Restore("address 10.0.0.1/24 on eth0", "none", [HostCommand.Of("ip", "addr", "add", "10.0.0.1/24", "dev", "eth0")], [HostCommand.Of("ip", "addr", "del", "10.0.0.1/24", "dev", "eth0")]),
            RecordedStep.Restore("mtu 9000 on eth0", "mtu 1500", [HostCommand.Of("ip", "link", "set", "dev", "eth0", "mtu", "9000")], [HostCommand.Of("ip", "link", "set", "dev", "eth0", "mtu", "1500")]),
        ]);

        var rollback = await new HostConfigurator(shell).TryRollbackAsync(changes);

        Assert.False(rollback.Completed);
        Assert.Equal(["ip link set dev eth0 mtu 1500", "ip addr del 10.0.0.1/24 dev eth0"], shell.Ran);
        var left = Assert.Single(rollback.Remaining.Applied);
        Assert.Equal("address 10.0.0.1/24 on eth0", left.Step.Describe());
        Assert.Equal([HostCommand.Of("ip", "addr", "del", "10.0.0.1/24", "dev", "eth0")], left.Plan.Undo);
        Assert.Equal("host-a", rollback.Remaining.Host);
        Assert.Equal(["'ip addr del 10.0.0.1/24 dev eth0': RTNETLINK answers: Cannot assign requested address"], rollback.Failures);
    }

    [Fact]
    public async Task TryRollbackAsync_AllUndone_CompletedAndNothingLeft()
    {
        var shell = new ScriptedShell("host-a", failing: null);
        var changes = new HostChangeSet("host-a", [RecordedStep.Restore("sysctl k = 2", "1", [HostCommand.Of("sysctl", "-q", "-w", "k=2")], [HostCommand.Of("sysctl", "-q", "-w", "k=1")])]);

        var rollback = await new HostConfigurator(shell).TryRollbackAsync(changes);

        Assert.True(rollback.Completed);
        Assert.Empty(rollback.Remaining.Applied);
        Assert.Equal(["sysctl -q -w k=1"], shell.Ran);
        Assert.Equal("host-a", new HostConfigurator(shell).Host);
    }

    [Fact]
    public async Task PlanAsync_RecordedStep_ThrowsSayingItCanOnlyBeUndone()
    {
        var shell = new ScriptedShell("host-a", failing: null);
        var step = RecordedStep.Restore("sysctl k = 2", "1", [], [HostCommand.Of("sysctl", "-q", "-w", "k=1")]).Step;

        var ex = await Assert.ThrowsAsync<HostConfigurationException>(() => new HostConfigurator(shell).ApplyAsync([step]));

        Assert.Contains("sysctl k = 2: a step recorded in a stored change set can only be undone", ex.Message, StringComparison.Ordinal);
        Assert.Empty(shell.Ran);
    }

    private sealed class ScriptedShell(string name, string? failing) : IHostShell
    {
        public List<string> Ran { get; } = [];

        public string Describe() => name;

        public Task<HostCommandResult> RunAsync(HostCommand command, CancellationToken cancellationToken = default)
        {
            Ran.Add(command.ToString());
            return Task.FromResult(command.ToString() == failing
                ? new HostCommandResult(2, string.Empty, "RTNETLINK answers: Cannot assign requested address")
                : new HostCommandResult(0, string.Empty, string.Empty));
        }
    }
}

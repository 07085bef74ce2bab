using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetControl.Core;
using NetControl.Drivers.Host.Shell;
using NetControl.Drivers.Host.Steps;

namespace NetControl.Drivers.Host.Configuration;

/// <summary>
/// Applies host steps in order through one shell: each step reads the state, is skipped when it already holds
/// (so applying twice changes nothing), else its commands run and the step must hold when read again. When a step
/// fails, what this apply changed is undone in reverse order and the failure says which step and why.
/// <see cref="RollbackAsync"/> undoes a whole change set later (on release). <see cref="DryRunAsync"/> runs only
/// the reads and returns the exact commands an apply would run.
/// </summary>
public sealed class HostConfigurator(IHostShell shell, ILogger<HostConfigurator>? logger = null)
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private readonly HostReader _reader = new(shell);

    /// <summary>Where this configurator's commands run (the shell's description; never a secret).</summary>
    public string Host => shell.Describe();

    public async Task<HostChangeSet> ApplyAsync(IReadOnlyList<IHostStep> steps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(steps);
        string host = shell.Describe();
        var applied = new List<AppliedStep>();
        foreach (var step in steps)
        {
            StepPlan? plan = null;
            int ran = 0;
            try
            {
                plan = await step.PlanAsync(_reader, cancellationToken).ConfigureAwait(false);
                if (plan.Satisfied)
                {
                    HostConfiguratorLog.Holds(_logger, host, step.Describe(), plan.State);
                    continue;
                }

                string? complaint = null;
                foreach (var command in plan.Apply)
                {
                    var result = await shell.RunAsync(command, cancellationToken).ConfigureAwait(false);
                    if (result.Succeeded && result.Error.Length > 0)
                    {
                        // Some tools (sysctl) exit 0 after refusing a setting: keep what they said for the verdict.
                        complaint = result.Reason;
                    }

                    if (!result.Succeeded)
                    {
                        throw new HostCommandException(command, host, step.Explain(result) is { } meaning ? $"{result.Reason}: {meaning}" : result.Reason);
                    }

                    ran++;
                }

                var check = await step.PlanAsync(_reader, cancellationToken).ConfigureAwait(false);
                if (!check.Satisfied)
                {
                    throw new HostStateException($"{host}: {step.Describe()} does not hold after applying it (read back: {check.State}{(complaint is null ? string.Empty : $"; the command said: {complaint}")})");
                }

                applied.Add(new AppliedStep(step, plan));
                HostConfiguratorLog.Applied(_logger, host, step.Describe(), plan.State, plan.Apply.Count);
            }
            catch (NetControlException ex)
            {
                HostConfiguratorLog.RollingBack(_logger, host, step.Describe(), applied.Count, ex.Message);
                if (plan is not null && ran > 0)
                {
                    // The failed step's own commands that did run: undo them too.
                    applied.Add(new AppliedStep(step, plan));
                }

                var left = await UndoAsync(host, applied, CancellationToken.None).ConfigureAwait(false);
                string rolled = left.Count == 0 ? "rolled back" : $"rollback incomplete: {string.Join("; ", left.Select(f => f.Message))}";
                throw new HostConfigurationException($"{host}: {step.Describe()} failed: {ex.Message} ({rolled})", ex);
            }
        }

        return new HostChangeSet(host, applied);
    }

    /// <summary>The commands an apply would run now (reads only; nothing changes).</summary>
    public async Task<IReadOnlyList<HostCommand>> DryRunAsync(IReadOnlyList<IHostStep> steps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var commands = new List<HostCommand>();
        foreach (var step in steps)
        {
            var plan = await step.PlanAsync(_reader, cancellationToken).ConfigureAwait(false);
            commands.AddRange(plan.Apply);
        }

        return commands;
    }

    /// <summary>Undoes <paramref name="changes"/> in reverse order; fails with every undo command that failed.</summary>
    public async Task RollbackAsync(HostChangeSet changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var left = await UndoAsync(changes.Host, changes.Applied, cancellationToken).ConfigureAwait(false);
        if (left.Count > 0)
        {
            throw new HostConfigurationException($"{changes.Host}: rollback incomplete: {string.Join("; ", left.Select(f => f.Message))}");
        }
    }

    /// <summary>
    /// Undoes <paramref name="changes"/> in reverse order like <see cref="RollbackAsync"/>, but instead of failing
    /// returns what is left: the same change set holding, per step, only the undo commands that failed (none when the
    /// rollback completed), so that a later retry runs only those.
    /// </summary>
    public async Task<HostRollback> TryRollbackAsync(HostChangeSet changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var failures = await UndoAsync(changes.Host, changes.Applied, cancellationToken).ConfigureAwait(false);
        var remaining = new List<AppliedStep>();
        foreach (var group in failures.GroupBy(f => f.Step))
        {
            var step = changes.Applied[group.Key];
            remaining.Add(step with { Plan = step.Plan with { Undo = [.. group.Select(f => f.Command)] } });
        }

        // UndoAsync walks the steps backwards: keep the change set's own (forward) order.
        remaining.Reverse();
        return new HostRollback(new HostChangeSet(changes.Host, remaining), [.. failures.Select(f => f.Message)]);
    }

    private async Task<List<UndoFailure>> UndoAsync(string host, IReadOnlyList<AppliedStep> applied, CancellationToken cancellationToken)
    {
        var failures = new List<UndoFailure>();
        for (int i = applied.Count - 1; i >= 0; i--)
        {
            foreach (var command in applied[i].Plan.Undo)
            {
                HostCommandResult result;
                try
                {
                    result = await shell.RunAsync(command, cancellationToken).ConfigureAwait(false);
                }
                catch (HostCommandException ex)
                {
                    result = new HostCommandResult(-1, string.Empty, ex.Message);
                }

                if (!result.Succeeded)
                {
                    HostConfiguratorLog.UndoFailed(_logger, host, command.ToString(), result.Reason);
                    failures.Add(new UndoFailure(i, command, $"'{command}': {result.Reason}"));
                }
            }
        }

        HostConfiguratorLog.RolledBack(_logger, host, applied.Count);
        return failures;
    }

    private sealed record UndoFailure(int Step, HostCommand Command, string Message);
}

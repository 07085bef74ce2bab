using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetControl.Core;
using NetControl.Drivers.Host.Configuration;
using NetControl.Drivers.Host.Steps;
using NetControl.Messaging.Commands;
using NetControl.Messaging.Contracts;

namespace NetControl.Agent.HostCommands;

/// <summary>
/// Runs the controller's signed host commands on this agent's host: verifies each (signature, addressee, validity,
/// replay, allow-lists), maps its steps, then applies (keeping the change set under its id), rolls back a change set,
/// or dry-runs; answers every command, refused or not, with a <see cref="CommandResult"/> naming the exact host
/// commands. One command at a time. With a <see cref="HostChangeStore"/>, every applied change set is also recorded
/// on disk before the apply is answered and read back on <see cref="LoadAsync"/> (or the first command), so a
/// rollback still works after the agent restarts; its file goes only once the undo has completed (an incomplete
/// undo keeps the commands that failed, for a retry). Without a store, change sets live in memory only.
/// </summary>
public sealed class HostCommandService(
    CommandVerifier verifier,
    HostConfigurator configurator,
    string agentId,
    TimeProvider? timeProvider = null,
    HostChangeStore? store = null,
    ILogger<HostCommandService>? logger = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private readonly Dictionary<string, HostChangeSet> _changes = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _one = new(1, 1);
    private bool _loaded = store is null;

    /// <summary>Change sets applied and not yet (completely) rolled back, by id (stored ones once loaded).</summary>
    public IReadOnlyCollection<string> ChangeSets
    {
        get
        {
            lock (_changes)
            {
                return [.. _changes.Keys];
            }
        }
    }

    /// <summary>The change set held under <paramref name="changeSetId"/>, or null.</summary>
    public HostChangeSet? Find(string changeSetId)
    {
        lock (_changes)
        {
            return _changes.GetValueOrDefault(changeSetId);
        }
    }

    /// <summary>
    /// Reads the stored change sets (once; later calls do nothing). Bad files are logged and moved aside by the store.
    /// Returns false, after logging why, when the state directory cannot be listed: the next command tries again.
    /// </summary>
    public async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return TryLoad(out _);
        }
        finally
        {
            _one.Release();
        }
    }

    /// <summary>Handles one command payload; returns the JSON of its result (the <c>results</c> topic payload).</summary>
    public async Task<byte[]> HandleAsync(ReadOnlySequence<byte> payload, CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await RunAsync(verifier.Verify(payload), cancellationToken).ConfigureAwait(false);
            return JsonSerializer.SerializeToUtf8Bytes(result, MessagingJsonContext.Default.CommandResult);
        }
        finally
        {
            _one.Release();
        }
    }

    private bool TryLoad(out string? problem)
    {
        problem = null;
        if (_loaded)
        {
            return true;
        }

        try
        {
            var stored = store!.LoadAll();
            lock (_changes)
            {
                foreach (var (id, changes) in stored)
                {
                    _changes.TryAdd(id, changes);
                }
            }

            _loaded = true;
            return true;
        }
        catch (HostChangeStoreException ex)
        {
            problem = ex.Message;
            HostCommandsLog.StoreProblem(_logger, ex.Message);
            return false;
        }
    }

    private async Task<CommandResult> RunAsync(CommandVerdict verdict, CancellationToken cancellationToken)
    {
        if (verdict.Command is not { } command)
        {
            return Result(verdict.About?.CommandId ?? "unknown", false, $"refused ({verdict.Rejection}): {verdict.Reason}", [], verdict.About?.ChangeSetId);
        }

        var steps = new List<IHostStep>();
        foreach (var spec in command.Steps)
        {
            if (!HostStepMapper.TryMap(spec, out var step, out string error))
            {
                return Result(command.CommandId, false, $"refused: {error}", [], command.ChangeSetId);
            }

            steps.Add(step!);
        }

        if (command.Operation is AgentOperations.Apply or AgentOperations.Rollback && !TryLoad(out string? problem))
        {
            return Result(command.CommandId, false, $"refused: the stored change sets cannot be read: {problem}", [], command.ChangeSetId);
        }

        try
        {
            switch (command.Operation)
            {
                case AgentOperations.DryRun:
                    var planned = await configurator.DryRunAsync(steps, cancellationToken).ConfigureAwait(false);
                    return Result(command.CommandId, true, $"dry run: {planned.Count} commands", [.. planned.Select(c => c.ToString())], command.ChangeSetId);
                case AgentOperations.Apply when command.ChangeSetId is { Length: > 0 } id:
                    return await ApplyAsync(command.CommandId, id, steps, cancellationToken).ConfigureAwait(false);
                case AgentOperations.Rollback when command.ChangeSetId is { Length: > 0 } id:
                    return await RollbackAsync(command.CommandId, id, cancellationToken).ConfigureAwait(false);
                default:
                    return Result(command.CommandId, false, $"refused: {command.Operation} needs a changeSetId", [], command.ChangeSetId);
            }
        }
        catch (NetControlException ex)
        {
            return Result(command.CommandId, false, ex.Message, [], command.ChangeSetId);
        }
    }

    private async Task<CommandResult> ApplyAsync(string commandId, string id, List<IHostStep> steps, CancellationToken cancellationToken)
    {
        if (Find(id) is not null)
        {
            return Result(commandId, false, $"change set {id} is already applied: roll it back first", [], id);
        }

        var changes = await configurator.ApplyAsync(steps, cancellationToken).ConfigureAwait(false);
        string[] commands = [.. changes.Commands.Select(c => c.ToString())];
        if (store is not null)
        {
            try
            {
                // The host has changed: finish the record even if the command is being cancelled.
                await store.SaveAsync(id, changes, CancellationToken.None).ConfigureAwait(false);
                HostCommandsLog.Recorded(_logger, id, changes.Host, changes.Applied.Count, store.PathOf(id));
            }
            catch (HostChangeStoreException ex)
            {
                // A change set that a restart would forget could never be released: take it back now.
                HostCommandsLog.NotRecorded(_logger, id, changes.Host, ex.Message);
                var undo = await configurator.TryRollbackAsync(changes, CancellationToken.None).ConfigureAwait(false);
                string outcome = undo.Completed ? "undone" : $"undo incomplete: {string.Join("; ", undo.Failures)}";
                return Result(commandId, false, $"applied but not recorded ({ex.Message}), so {outcome}", commands, id);
            }
        }

        lock (_changes)
        {
            _changes[id] = changes;
        }

        return Result(commandId, true, $"applied {changes.Applied.Count} of {steps.Count} steps (the rest already held)", commands, id);
    }

    private async Task<CommandResult> RollbackAsync(string commandId, string id, CancellationToken cancellationToken)
    {
        if (Find(id) is not { } held)
        {
            return Result(commandId, true, $"change set {id} is not applied here: nothing to roll back", [], id);
        }

        if (!string.Equals(held.Host, configurator.Host, StringComparison.Ordinal))
        {
            return Result(commandId, false, $"change set {id} was applied on {held.Host}, but this agent now configures {configurator.Host}: not rolled back (kept)", [], id);
        }

        string[] commands = [.. held.Applied.Reverse().SelectMany(a => a.Plan.Undo).Select(c => c.ToString())];
        var rollback = await configurator.TryRollbackAsync(held, cancellationToken).ConfigureAwait(false);
        if (!rollback.Completed)
        {
            var left = rollback.Remaining;
            int leftCommands = left.Applied.Sum(a => a.Plan.Undo.Count);
            string kept = "kept in memory";
            if (store is not null)
            {
                try
                {
                    await store.SaveAsync(id, left, CancellationToken.None).ConfigureAwait(false);
                    kept = $"kept in {store.PathOf(id)}";
                }
                catch (HostChangeStoreException ex)
                {
                    // The file still holds the whole change set: a retry after a restart reruns every undo command.
                    HostCommandsLog.StoreProblem(_logger, ex.Message);
                    kept = $"kept in memory (the file still holds the whole change set: {ex.Message})";
                }
            }

            lock (_changes)
            {
                _changes[id] = left;
            }

            string failures = string.Join("; ", rollback.Failures);
            HostCommandsLog.RollbackIncomplete(_logger, id, held.Host, leftCommands, store?.PathOf(id) ?? "memory", failures);
            return Result(commandId, false, $"{held.Host}: rollback of change set {id} incomplete: {failures}; the {leftCommands} failed undo commands are {kept}: roll back again to retry them", commands, id);
        }

        string removed = string.Empty;
        if (store is not null)
        {
            try
            {
                store.Delete(id);
                HostCommandsLog.RolledBack(_logger, id, held.Host, store.PathOf(id));
            }
            catch (HostChangeStoreException ex)
            {
                HostCommandsLog.StoreProblem(_logger, ex.Message);
                removed = $" (but its record stays: {ex.Message})";
            }
        }

        lock (_changes)
        {
            _changes.Remove(id);
        }

        return Result(commandId, true, $"rolled back {held.Applied.Count} steps{removed}", commands, id);
    }

    private CommandResult Result(string commandId, bool succeeded, string message, IReadOnlyList<string> commands, string? changeSetId) => new()
    {
        CommandId = commandId,
        AgentId = agentId,
        Succeeded = succeeded,
        Message = message,
        Commands = commands,
        ChangeSetId = changeSetId,
        At = _time.GetUtcNow(),
    };
}

using System.Buffers;
using System.Text.Json;
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
/// commands. One command at a time. Change sets live in memory: an agent restart forgets them.
/// </summary>
public sealed class HostCommandService(CommandVerifier verifier, HostConfigurator configurator, string agentId, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly Dictionary<string, HostChangeSet> _changes = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Change sets applied and not yet rolled back, by id.</summary>
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

        try
        {
            switch (command.Operation)
            {
                case AgentOperations.DryRun:
                    var planned = await configurator.DryRunAsync(steps, cancellationToken).ConfigureAwait(false);
                    return Result(command.CommandId, true, $"dry run: {planned.Count} commands", [.. planned.Select(c => c.ToString())], command.ChangeSetId);
                case AgentOperations.Apply when command.ChangeSetId is { Length: > 0 } id:
                    lock (_changes)
                    {
                        if (_changes.ContainsKey(id))
                        {
                            return Result(command.CommandId, false, $"change set {id} is already applied: roll it back first", [], id);
                        }
                    }

                    var changes = await configurator.ApplyAsync(steps, cancellationToken).ConfigureAwait(false);
                    lock (_changes)
                    {
                        _changes[id] = changes;
                    }

                    return Result(command.CommandId, true, $"applied {changes.Applied.Count} of {steps.Count} steps (the rest already held)", [.. changes.Commands.Select(c => c.ToString())], id);
                case AgentOperations.Rollback when command.ChangeSetId is { Length: > 0 } id:
                    HostChangeSet? held;
                    lock (_changes)
                    {
                        _changes.Remove(id, out held);
                    }

                    if (held is null)
                    {
                        return Result(command.CommandId, true, $"change set {id} is not applied here: nothing to roll back", [], id);
                    }

                    await configurator.RollbackAsync(held, cancellationToken).ConfigureAwait(false);
                    return Result(command.CommandId, true, $"rolled back {held.Applied.Count} steps", [.. held.Applied.Reverse().SelectMany(a => a.Plan.Undo).Select(c => c.ToString())], id);
                default:
                    return Result(command.CommandId, false, $"refused: {command.Operation} needs a changeSetId", [], command.ChangeSetId);
            }
        }
        catch (NetControlException ex)
        {
            return Result(command.CommandId, false, ex.Message, [], command.ChangeSetId);
        }
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

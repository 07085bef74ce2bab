using NetControl.Messaging.Commands;
using NetControl.Orchestration.Lightpaths;

namespace NetControl.Controller.Hosts;

/// <summary>
/// Configures a lightpath's end hosts through their agents: signed apply commands to both in parallel (change set =
/// the lightpath id); if either fails, the other is rolled back and the failure names the host and the reason. A
/// lightpath that moves gets its TCP buffers sized again in a change set of its own (<c>id~path</c>), replaced at each
/// move. On release the path change set (if any) and then the lightpath's are rolled back.
/// </summary>
public sealed class AgentHostConfigurer(HostCommandChannel channel, HostsOptions options) : ILightpathHostConfigurer
{
    public async Task ConfigureAsync(LightpathRecord lightpath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lightpath);
        var (from, to) = HostStepPlanner.Plan(lightpath, options);
        var results = await Task.WhenAll(Apply(lightpath.Id, from, cancellationToken), Apply(lightpath.Id, to, cancellationToken)).ConfigureAwait(false);
        var failed = results.Where(r => r.Error is not null).ToList();
        if (failed.Count == 0)
        {
            return;
        }

        foreach (var done in results.Where(r => r.Error is null))
        {
            await Rollback(lightpath.Id, done.Side, CancellationToken.None).ConfigureAwait(false);
        }

        throw new HostConfigurationFailedException(string.Join("; ", failed.Select(f => f.Error)));
    }

    public async Task RetuneAsync(LightpathRecord lightpath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lightpath);
        var (from, to) = HostStepPlanner.PlanPathDependent(lightpath, options);
        var errors = await Task.WhenAll(Retune(from), Retune(to)).ConfigureAwait(false);
        if (errors.OfType<string>().ToList() is { Count: > 0 } failed)
        {
            throw new HostConfigurationFailedException(string.Join("; ", failed));
        }

        async Task<string?> Retune(HostSide side)
        {
            // The previous move's change set, if there was one (an agent that has none says so: nothing to undo).
            await Rollback(PathChangeSet(lightpath), side, cancellationToken).ConfigureAwait(false);
            return (await Apply(PathChangeSet(lightpath), side, cancellationToken).ConfigureAwait(false)).Error;
        }
    }

    public async Task RestoreAsync(LightpathRecord lightpath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lightpath);
        var (from, to) = HostStepPlanner.Plan(lightpath, options);

        // The lightpath's own change set restores the sysctls as they were before it; the path change set goes first
        // so that the agent keeps nothing behind (its failure, usually "no such change set", changes nothing).
        await Task.WhenAll(Rollback(PathChangeSet(lightpath), from, cancellationToken), Rollback(PathChangeSet(lightpath), to, cancellationToken)).ConfigureAwait(false);
        var errors = (await Task.WhenAll(Rollback(lightpath.Id, from, cancellationToken), Rollback(lightpath.Id, to, cancellationToken)).ConfigureAwait(false)).OfType<string>().ToList();
        if (errors.Count > 0)
        {
            throw new HostConfigurationFailedException(string.Join("; ", errors));
        }
    }

    private static string PathChangeSet(LightpathRecord lightpath) => $"{lightpath.Id}~path";

    private async Task<(HostSide Side, string? Error)> Apply(string changeSet, HostSide side, CancellationToken cancellationToken)
    {
        try
        {
            var result = await channel.SendAsync(side.Endpoint.AgentId, AgentOperations.Apply, changeSet, side.Steps, options.CommandTimeout, cancellationToken).ConfigureAwait(false);
            return (side, result.Succeeded ? null : $"host agent {side.Endpoint.AgentId}: {result.Message}");
        }
        catch (NetControl.Messaging.MessagingException ex)
        {
            return (side, ex.Message);
        }
    }

    private async Task<string?> Rollback(string changeSet, HostSide side, CancellationToken cancellationToken)
    {
        try
        {
            var result = await channel.SendAsync(side.Endpoint.AgentId, AgentOperations.Rollback, changeSet, [], options.CommandTimeout, cancellationToken).ConfigureAwait(false);
            return result.Succeeded ? null : $"host agent {side.Endpoint.AgentId}: {result.Message}";
        }
        catch (NetControl.Messaging.MessagingException ex)
        {
            return ex.Message;
        }
    }
}

using NetControl.Messaging.Commands;
using NetControl.Orchestration.Lightpaths;

namespace NetControl.Controller.Hosts;

/// <summary>
/// Configures a lightpath's end hosts through their agents: signed apply commands to both in parallel (change set =
/// the lightpath id); if either fails, the other is rolled back and the failure names the host and the reason. On
/// release both change sets are rolled back.
/// </summary>
public sealed class AgentHostConfigurer(HostCommandChannel channel, HostsOptions options) : ILightpathHostConfigurer
{
    public async Task ConfigureAsync(LightpathRecord lightpath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lightpath);
        var (from, to) = HostStepPlanner.Plan(lightpath, options);
        var results = await Task.WhenAll(Apply(lightpath, from, cancellationToken), Apply(lightpath, to, cancellationToken)).ConfigureAwait(false);
        var failed = results.Where(r => r.Error is not null).ToList();
        if (failed.Count == 0)
        {
            return;
        }

        foreach (var done in results.Where(r => r.Error is null))
        {
            await Rollback(lightpath, done.Side, CancellationToken.None).ConfigureAwait(false);
        }

        throw new HostConfigurationFailedException(string.Join("; ", failed.Select(f => f.Error)));
    }

    public async Task RestoreAsync(LightpathRecord lightpath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lightpath);
        var (from, to) = HostStepPlanner.Plan(lightpath, options);
        var errors = (await Task.WhenAll(Rollback(lightpath, from, cancellationToken), Rollback(lightpath, to, cancellationToken)).ConfigureAwait(false)).OfType<string>().ToList();
        if (errors.Count > 0)
        {
            throw new HostConfigurationFailedException(string.Join("; ", errors));
        }
    }

    private async Task<(HostSide Side, string? Error)> Apply(LightpathRecord lightpath, HostSide side, CancellationToken cancellationToken)
    {
        try
        {
            var result = await channel.SendAsync(side.Endpoint.AgentId, AgentOperations.Apply, lightpath.Id, side.Steps, options.CommandTimeout, cancellationToken).ConfigureAwait(false);
            return (side, result.Succeeded ? null : $"host agent {side.Endpoint.AgentId}: {result.Message}");
        }
        catch (NetControl.Messaging.MessagingException ex)
        {
            return (side, ex.Message);
        }
    }

    private async Task<string?> Rollback(LightpathRecord lightpath, HostSide side, CancellationToken cancellationToken)
    {
        try
        {
            var result = await channel.SendAsync(side.Endpoint.AgentId, AgentOperations.Rollback, lightpath.Id, [], options.CommandTimeout, cancellationToken).ConfigureAwait(false);
            return result.Succeeded ? null : $"host agent {side.Endpoint.AgentId}: {result.Message}";
        }
        catch (NetControl.Messaging.MessagingException ex)
        {
            return ex.Message;
        }
    }
}

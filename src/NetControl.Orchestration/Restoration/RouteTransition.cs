using NetControl.Core.Devices;
using NetControl.Core.Lightpaths.Provisioning;
using NetControl.Core.Topology;
using NetControl.Orchestration.Routing;

namespace NetControl.Orchestration.Restoration;

/// <summary>
/// Moves a lightpath from its old cross-connects to new ones, make-before-break where the ports allow it:
/// <list type="number">
/// <item>make: new cross-connects that share no port with an old one are made (in parallel) and verified;</item>
/// <item>swap: where a new cross-connect needs a port an old one holds (the add/drop ports at the ends, always), the
/// old is removed and the new made in one pipelined exchange per switch, all switches in parallel;</item>
/// <item>break: the old cross-connects left are removed.</item>
/// </list>
/// A failure in make or swap puts the old cross-connects back; the lightpath stays where it was.
/// </summary>
public sealed class RouteTransition(NetworkTopology topology, Func<string, ICrossConnectProgrammable> devices, LightpathProvisioner provisioner, TimeProvider time)
{
    /// <param name="breakLater">
    /// Leave the old cross-connects that are not swapped in place and return them as leftovers, for the caller to
    /// remove once it has recorded the move: they carry nothing once the ends are switched, so the move is complete
    /// without them and their removal does not delay it.
    /// </param>
    public async Task<TransitionOutcome> ExecuteAsync(IReadOnlyList<CrossConnectStep> oldSteps, IReadOnlyList<CrossConnectStep> newSteps, CancellationToken cancellationToken, bool breakLater = false)
    {
        long started = time.GetTimestamp();
        var kept = oldSteps.Intersect(newSteps).ToHashSet();
        var oldLeft = oldSteps.Where(s => !kept.Contains(s)).ToList();
        var newLeft = newSteps.Where(s => !kept.Contains(s)).ToList();
        var swapNew = newLeft.Where(n => oldLeft.Any(o => Conflict(o, n))).ToList();
        var swapOld = oldLeft.Where(o => swapNew.Any(n => Conflict(o, n))).ToList();
        var make = newLeft.Except(swapNew).ToList();
        var breakSteps = oldLeft.Except(swapOld).ToList();

        if (make.Count > 0)
        {
            var made = await provisioner.ProvisionAsync(new ProvisioningPlan(make), cancellationToken).ConfigureAwait(false);
            if (!made.Succeeded)
            {
                return new TransitionOutcome(false, $"make-before-break failed: {made.Summary}", time.GetElapsedTime(started), [.. made.With(StepStatus.RollbackFailed).Select(r => r.Step)]);
            }
        }

        var switched = time.GetElapsedTime(started);
        if (swapNew.Count > 0)
        {
            string? error = await SwapAsync(swapOld, swapNew, cancellationToken).ConfigureAwait(false);
            switched = time.GetElapsedTime(started);
            error ??= await VerifyAsync(swapNew, swapOld, cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                var undo = await provisioner.ReleaseAsync(new ProvisioningPlan([.. make, .. swapNew]), CancellationToken.None).ConfigureAwait(false);
                var back = await provisioner.ProvisionAsync(new ProvisioningPlan(swapOld), CancellationToken.None).ConfigureAwait(false);
                var leftovers = undo.Steps.Where(r => r.Status == StepStatus.Failed).Select(r => r.Step).ToList();
                string restored = back.Succeeded ? "the old cross-connects are back" : $"putting the old cross-connects back failed: {back.Summary}";
                return new TransitionOutcome(false, $"switching cross-connects failed: {error}; {restored}", time.GetElapsedTime(started), leftovers);
            }
        }

        if (breakLater)
        {
            return new TransitionOutcome(true, null, switched, breakSteps);
        }

        var broken = breakSteps.Count == 0
            ? []
            : (await provisioner.ReleaseAsync(new ProvisioningPlan(breakSteps), cancellationToken).ConfigureAwait(false)).Steps.Where(r => r.Status == StepStatus.Failed).Select(r => r.Step).ToList();
        return new TransitionOutcome(true, null, switched, broken);
    }

    /// <summary>Per switch: remove then make, both sent before either answer (a TL1 element executes a session's commands in order).</summary>
    private async Task<string?> SwapAsync(List<CrossConnectStep> olds, List<CrossConnectStep> news, CancellationToken cancellationToken)
    {
        var perDevice = news.Select(n => n.Device).Concat(olds.Select(o => o.Device)).Distinct(StringComparer.Ordinal).ToList();
        var errors = await Task.WhenAll(perDevice.Select(async name =>
        {
            var device = devices(name);
            var removes = olds.Where(o => o.Device == name).Select(o => Attempt(device.RemoveAsync(o.Connection, cancellationToken))).ToList();
            var applies = news.Where(n => n.Device == name).Select(n => Attempt(device.ApplyAsync(n.Connection, cancellationToken))).ToList();
            var removeErrors = await Task.WhenAll(removes).ConfigureAwait(false);
            var applyErrors = await Task.WhenAll(applies).ConfigureAwait(false);
            if (removeErrors.FirstOrDefault(e => e is not null) is { } removeError)
            {
                return $"{name}: remove failed: {removeError}";
            }

            if (applyErrors.All(e => e is null))
            {
                return null;
            }

            // The make may have overtaken the break on a device that does not keep order: once more, now that the port is
            // free. Whatever this answers, the read-back that follows decides.
            foreach (var n in news.Where(n => n.Device == name))
            {
                await Attempt(device.ApplyAsync(n.Connection, cancellationToken)).ConfigureAwait(false);
            }

            return null;
        })).ConfigureAwait(false);
        return errors.FirstOrDefault(e => e is not null);
    }

    /// <summary>Device truth after a swap: every new cross-connect present, every old one gone.</summary>
    private async Task<string?> VerifyAsync(List<CrossConnectStep> news, List<CrossConnectStep> olds, CancellationToken cancellationToken)
    {
        var names = news.Select(n => n.Device).Concat(olds.Select(o => o.Device)).Distinct(StringComparer.Ordinal).ToList();
        var errors = await Task.WhenAll(names.Select(async name =>
        {
            var device = devices(name);
            try
            {
                var about = news.Concat(olds).Where(s => s.Device == name).Select(s => s.Connection).ToList();
                var truth = (await device.ReadCrossConnectsAsync(about, cancellationToken).ConfigureAwait(false)).Select(s => s.Connection).ToHashSet();
                var missing = news.Where(n => n.Device == name && !truth.Contains(device.Canonical(n.Connection))).ToList();
                var still = olds.Where(o => o.Device == name && truth.Contains(device.Canonical(o.Connection))).ToList();
                return missing.Count == 0 && still.Count == 0
                    ? null
                    : $"{name}: read-back shows {(missing.Count > 0 ? $"missing {string.Join(", ", missing.Select(m => m.Connection))}" : string.Empty)}{(still.Count > 0 ? $" still connected {string.Join(", ", still.Select(m => m.Connection))}" : string.Empty)}";
            }
            catch (Exception e) when (e is DeviceException or OperationCanceledException)
            {
                return $"{name}: read-back failed: {e.Message}";
            }
        })).ConfigureAwait(false);
        return errors.FirstOrDefault(e => e is not null);
    }

    private bool Conflict(CrossConnectStep a, CrossConnectStep b)
    {
        if (a.Device != b.Device)
        {
            return false;
        }

        var node = topology.GetNode(a.Device);
        var portsA = SwitchPorts.Of(node, a).ToHashSet();
        return SwitchPorts.Of(node, b).Any(portsA.Contains);
    }


    private static async Task<string?> Attempt(Task command)
    {
        try
        {
            await command.ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is DeviceException or OperationCanceledException)
        {
            return e.Message;
        }
    }
}

using NetControl.Core.Devices;

namespace NetControl.Core.Lightpaths.Provisioning;

/// <summary>
/// Makes and breaks the cross-connects of a <see cref="ProvisioningPlan"/> over <see cref="ICrossConnectProgrammable"/>
/// devices: every switch at once, verified against device truth, rolled back on a partial failure, safe to retry.
/// Pure orchestration: the devices are found through the lookup given to the constructor and do their own I/O.
/// </summary>
/// <remarks>
/// <para>
/// Provisioning sends every step in parallel, then reads back each device once (in parallel) and compares with
/// <see cref="ICrossConnectProgrammable.Canonical"/>. A step is decided by the apply outcome and the read-back:
/// accepted and present is <see cref="StepStatus.Applied"/>; refused (a non-transient <see cref="DeviceException"/>,
/// e.g. SRAC for a retry) but present is <see cref="StepStatus.AlreadyPresent"/>; a transient failure (timeout,
/// dropped connection) but present means the command took effect and is <see cref="StepStatus.Applied"/>; absent
/// is <see cref="StepStatus.Failed"/>. On any failure, exactly the <see cref="StepStatus.Applied"/> steps are
/// removed again, in parallel; <see cref="StepStatus.AlreadyPresent"/> steps predate this call (an earlier
/// successful attempt of the same lightpath) and are left alone.
/// </para>
/// <para>
/// Verification and rollback run with <see cref="CancellationToken.None"/> once the applies have been sent, so that a
/// cancelled request cannot leave half a lightpath behind; the devices' own command timeouts bound them.
/// </para>
/// </remarks>
public sealed class LightpathProvisioner
{
    private readonly Func<string, ICrossConnectProgrammable> _devices;
    private readonly TimeProvider _time;

    /// <summary>Creates a provisioner.</summary>
    /// <param name="devices">Finds the driver of a switch by the name used in <see cref="CrossConnectStep.Device"/>.</param>
    /// <param name="timeProvider">The clock for <see cref="ProvisioningOutcome.Elapsed"/>; the system clock when null.</param>
    public LightpathProvisioner(Func<string, ICrossConnectProgrammable> devices, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(devices);
        _devices = devices;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Makes every cross-connect of <paramref name="plan"/>, verifies it, and rolls back on any failure.</summary>
    /// <param name="plan">The cross-connects to make.</param>
    /// <param name="cancellationToken">Cancels the applies; verification and rollback still run.</param>
    /// <returns>The outcome; failures of devices are reported in it, not thrown.</returns>
    public async Task<ProvisioningOutcome> ProvisionAsync(ProvisioningPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        long started = _time.GetTimestamp();
        var steps = plan.Steps;
        var devices = Resolve(plan);

        // 1. Apply everything at once, and 2. read back each device right behind its commands: a TL1 element executes a
        // session's commands in order, so the read-back reports what the applies did, and both cost one round trip.
        var applying = Task.WhenAll(steps.Select(s => Attempt(() => devices[s.Device].ApplyAsync(s.Connection, cancellationToken))));
        var reading = ReadBack(devices, steps, CancellationToken.None);
        var applied = await applying.ConfigureAwait(false);
        var truth = await reading.ConfigureAwait(false);
        var results = new StepResult[steps.Count];
        for (int i = 0; i < steps.Count; i++)
        {
            results[i] = Decide(steps[i], devices[steps[i].Device], applied[i], truth[steps[i].Device]);
        }

        bool succeeded = results.All(r => r.Status is StepStatus.Applied or StepStatus.AlreadyPresent);
        if (!succeeded)
        {
            // 3. Roll back exactly what this call made.
            var toRollBack = Enumerable.Range(0, steps.Count).Where(i => results[i].Status == StepStatus.Applied).ToList();
            var removed = await Task.WhenAll(toRollBack.Select(i => Attempt(() => devices[steps[i].Device].RemoveAsync(steps[i].Connection, CancellationToken.None)))).ConfigureAwait(false);
            for (int k = 0; k < toRollBack.Count; k++)
            {
                int i = toRollBack[k];
                results[i] = removed[k] is null
                    ? results[i] with { Status = StepStatus.RolledBack }
                    : results[i] with { Status = StepStatus.RollbackFailed, Error = $"rollback failed: {removed[k]!.Message}" };
            }
        }

        return new ProvisioningOutcome(ProvisioningOperation.Provision, succeeded, results, _time.GetElapsedTime(started));
    }

    /// <summary>
    /// Removes every cross-connect of <paramref name="plan"/> in parallel. A removal the device refuses counts as done
    /// when read-back shows the connection absent (it was never made, or already removed), so releasing twice succeeds.
    /// </summary>
    /// <param name="plan">The cross-connects to remove.</param>
    /// <param name="cancellationToken">Cancels the removals and read-backs.</param>
    /// <returns>The outcome; failures of devices are reported in it, not thrown.</returns>
    public async Task<ProvisioningOutcome> ReleaseAsync(ProvisioningPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        long started = _time.GetTimestamp();
        var steps = plan.Steps;
        var devices = Resolve(plan);

        var removed = await Task.WhenAll(steps.Select(s => Attempt(() => devices[s.Device].RemoveAsync(s.Connection, cancellationToken)))).ConfigureAwait(false);

        // Only devices where a removal failed need a look at device truth.
        var doubtful = devices
            .Where(d => Enumerable.Range(0, steps.Count).Any(i => removed[i] is not null && steps[i].Device == d.Key))
            .ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
        var truth = await ReadBack(doubtful, steps, cancellationToken).ConfigureAwait(false);

        var results = new StepResult[steps.Count];
        for (int i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (removed[i] is null)
            {
                results[i] = new StepResult(step, StepStatus.Removed);
                continue;
            }

            var (connections, readError) = truth[step.Device];
            var canonical = devices[step.Device].Canonical(step.Connection);
            results[i] = readError is not null
                ? new StepResult(step, StepStatus.Failed, $"{removed[i]!.Message}; read-back failed: {readError.Message}")
                : connections!.Contains(canonical)
                    ? new StepResult(step, StepStatus.Failed, removed[i]!.Message)
                    : new StepResult(step, StepStatus.NotConnected);
        }

        bool succeeded = results.All(r => r.Status is StepStatus.Removed or StepStatus.NotConnected);
        return new ProvisioningOutcome(ProvisioningOperation.Release, succeeded, results, _time.GetElapsedTime(started));
    }

    private static StepResult Decide(CrossConnectStep step, ICrossConnectProgrammable device, Exception? applyError, (HashSet<CrossConnect>? Connections, Exception? Error) truth)
    {
        if (truth.Error is not null)
        {
            string reason = applyError is null ? string.Empty : $"{applyError.Message}; ";
            return new StepResult(step, StepStatus.Failed, $"{reason}read-back failed: {truth.Error.Message}");
        }

        bool present = truth.Connections!.Contains(device.Canonical(step.Connection));
        return (applyError, present) switch
        {
            (null, true) => new StepResult(step, StepStatus.Applied),
            (null, false) => new StepResult(step, StepStatus.Failed, $"accepted but not found on read-back: {device.Canonical(step.Connection)}"),

            // Refused, yet there: the device already had it (a retry of a lightpath made before).
            (DeviceException { IsTransient: false }, true) => new StepResult(step, StepStatus.AlreadyPresent),

            // Timed out or lost, yet there: the command took effect, and it is ours to roll back.
            (_, true) => new StepResult(step, StepStatus.Applied),
            (_, false) => new StepResult(step, StepStatus.Failed, applyError.Message),
        };
    }

    /// <summary>
    /// Reads back every device once, in parallel, about the steps on it only. A failed read is kept as the error, so
    /// that a device that cannot be read fails its own steps only.
    /// </summary>
    private static async Task<Dictionary<string, (HashSet<CrossConnect>? Connections, Exception? Error)>> ReadBack(
        IReadOnlyDictionary<string, ICrossConnectProgrammable> devices, IReadOnlyList<CrossConnectStep> steps, CancellationToken cancellationToken)
    {
        var names = devices.Keys.ToList();
        var reads = await Task.WhenAll(names.Select(async name =>
        {
            try
            {
                var about = steps.Where(s => s.Device == name).Select(s => s.Connection).ToList();
                var states = await devices[name].ReadCrossConnectsAsync(about, cancellationToken).ConfigureAwait(false);
                return (Connections: states.Select(s => s.Connection).ToHashSet(), Error: (Exception?)null);
            }
            catch (Exception e) when (e is DeviceException or OperationCanceledException)
            {
                return (Connections: (HashSet<CrossConnect>?)null, Error: e);
            }
        })).ConfigureAwait(false);

        var result = new Dictionary<string, (HashSet<CrossConnect>?, Exception?)>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            result[names[i]] = reads[i];
        }

        return result;
    }

    /// <summary>Runs one device command; a device failure or cancellation is returned, anything else is a bug and thrown.</summary>
    private static async Task<Exception?> Attempt(Func<Task> command)
    {
        try
        {
            await command().ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is DeviceException or OperationCanceledException)
        {
            return e;
        }
    }

    private Dictionary<string, ICrossConnectProgrammable> Resolve(ProvisioningPlan plan)
    {
        var devices = new Dictionary<string, ICrossConnectProgrammable>(StringComparer.Ordinal);
        foreach (string name in plan.Devices)
        {
            devices[name] = _devices(name) ?? throw new ArgumentException($"no device named '{name}'", nameof(plan));
        }

        return devices;
    }
}

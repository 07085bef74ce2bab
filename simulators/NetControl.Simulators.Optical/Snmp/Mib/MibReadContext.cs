using NetControl.Simulators.Optical.Model;

namespace NetControl.Simulators.Optical.Snmp.Mib;

/// <summary>
/// What one request reads from: a single snapshot of the switch (taken on first use, so every varbind of a PDU sees
/// the same light) and one instant of the agent's clock.
/// </summary>
internal sealed class MibReadContext(OpticalSwitch sw, long timestamp)
{
    private SwitchSnapshot? _snapshot;

    /// <summary>The <see cref="TimeProvider.GetTimestamp"/> of the request.</summary>
    public long Timestamp { get; } = timestamp;

    public SwitchSnapshot Snapshot => _snapshot ??= sw.Snapshot();
}

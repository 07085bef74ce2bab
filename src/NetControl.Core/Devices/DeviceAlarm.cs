namespace NetControl.Core.Devices;

/// <summary>
/// An alarm raised or cleared on a device: where (<see cref="Entity"/>, a port or equipment AID), what
/// (<see cref="Condition"/>, e.g. LOS), how bad, whether it affects service, and when the device saw it.
/// </summary>
public sealed record DeviceAlarm(
    string Device,
    string Entity,
    string Condition,
    AlarmSeverity Severity,
    bool ServiceAffecting,
    DateTimeOffset OccurredAt,
    string? Description = null)
{
    public bool IsCleared => Severity == AlarmSeverity.Cleared;
}

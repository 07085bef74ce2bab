namespace NetControl.Core.Devices;

/// <summary>Alarm severity (TL1 notification codes CR, MJ, MN, NA; CL clears).</summary>
public enum AlarmSeverity
{
    Critical,
    Major,
    Minor,
    NotAlarmed,
    Cleared,
}

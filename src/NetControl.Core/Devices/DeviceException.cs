namespace NetControl.Core.Devices;

/// <summary>
/// A device refused or failed an operation: which device, the device's own error code when it gave one (TL1
/// IIAC, SRAC...), and whether retrying may help (a timeout, a dropped connection, "repeat later").
/// </summary>
public class DeviceException : NetControlException
{
    public DeviceException(string device, string message, string? errorCode = null, bool isTransient = false, Exception? inner = null)
        : base($"{device}: {message}", inner)
    {
        Device = device;
        ErrorCode = errorCode;
        _transient = isTransient;
    }

    private readonly bool _transient;

    public string Device { get; }

    /// <summary>The device's error code (TL1 ERRCDE, SNMP error status), or null.</summary>
    public string? ErrorCode { get; }

    public override bool IsTransient => _transient;
}

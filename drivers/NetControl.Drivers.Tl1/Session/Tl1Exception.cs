using NetControl.Core.Devices;

namespace NetControl.Drivers.Tl1.Session;

/// <summary>Root of the TL1 session's errors: the device, what failed, the TL1 error code when there is one.</summary>
public class Tl1Exception : DeviceException
{
    public Tl1Exception(string device, string message, string? errorCode = null, bool isTransient = false, Exception? inner = null)
        : base(device, message, errorCode, isTransient, inner)
    {
    }
}

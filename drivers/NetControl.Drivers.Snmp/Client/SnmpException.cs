using NetControl.Core.Devices;

namespace NetControl.Drivers.Snmp.Client;

/// <summary>Root of the SNMP client's errors: which agent, what failed, whether a retry may help.</summary>
public class SnmpException(string agent, string message, string? errorCode = null, bool isTransient = false, Exception? inner = null)
    : DeviceException(agent, message, errorCode, isTransient, inner);

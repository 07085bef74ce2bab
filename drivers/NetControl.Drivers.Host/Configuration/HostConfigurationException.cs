using NetControl.Core;

namespace NetControl.Drivers.Host.Configuration;

/// <summary>An apply that failed at one step and was rolled back (or says what it could not roll back), on one line.</summary>
public sealed class HostConfigurationException(string message, Exception? inner = null) : NetControlException(message, inner);

using NetControl.Core;

namespace NetControl.Drivers.Host.Steps;

/// <summary>The host is not in a state a step can work from (an interface of another kind under the wanted name, a rule priority taken...).</summary>
public sealed class HostStateException(string message, Exception? inner = null) : NetControlException(message, inner);

using NetControl.Core;

namespace NetControl.Agent.HostCommands;

/// <summary>A change set could not be recorded in, or removed from, the agent's state directory (one line: which file, why).</summary>
public sealed class HostChangeStoreException(string message, Exception? inner = null) : NetControlException(message, inner);

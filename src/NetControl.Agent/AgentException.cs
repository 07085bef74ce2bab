using NetControl.Core;

namespace NetControl.Agent;

/// <summary>
/// A configuration or start-up error of the probe agent, with a one-line message that says what and where
/// (configuration errors read <c>FILE:LINE:COLUMN: PATH: problem</c>).
/// </summary>
public sealed class AgentException(string message, Exception? inner = null) : NetControlException(message, inner);

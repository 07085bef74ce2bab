using NetControl.Core;

namespace NetControl.Cli;

/// <summary>Bad input or environment found by netctl itself (a port in use, an unreachable simulator): exit code 1.</summary>
public sealed class CliInputException(string message, Exception? inner = null) : NetControlException(message, inner);

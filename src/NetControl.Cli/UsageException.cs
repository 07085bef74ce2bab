using NetControl.Core;

namespace NetControl.Cli;

/// <summary>A command-line argument is wrong in a way the parser cannot see (a bad value, a conflict).</summary>
public sealed class UsageException(string message) : NetControlException(message);

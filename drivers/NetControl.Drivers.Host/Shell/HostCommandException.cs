using NetControl.Core;

namespace NetControl.Drivers.Host.Shell;

/// <summary>A host command that could not run or failed: which command, where, and why, on one line.</summary>
public sealed class HostCommandException(HostCommand command, string where, string reason, Exception? inner = null)
    : NetControlException($"{where}: '{command}': {reason}", inner)
{
    public HostCommand Command { get; } = command;
}

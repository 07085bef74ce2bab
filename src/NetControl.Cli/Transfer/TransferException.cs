using NetControl.Core;

namespace NetControl.Cli.Transfer;

/// <summary>A step of the transfer walk-through that failed: what, on one line.</summary>
internal sealed class TransferException(string message, Exception? inner = null) : NetControlException(message, inner);

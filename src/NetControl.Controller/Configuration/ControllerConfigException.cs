using NetControl.Core;

namespace NetControl.Controller.Configuration;

/// <summary>A controller configuration file that cannot be read or is not valid: one line, <c>FILE:LINE:COLUMN: PATH: problem</c>.</summary>
public sealed class ControllerConfigException(string message, Exception? inner = null) : NetControlException(message, inner);

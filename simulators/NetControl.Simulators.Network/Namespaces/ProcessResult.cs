namespace NetControl.Simulators.Network.Namespaces;

/// <summary>How a finished command ended.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string StandardOutput, string StandardError);

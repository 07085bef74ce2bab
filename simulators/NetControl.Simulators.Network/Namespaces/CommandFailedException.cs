namespace NetControl.Simulators.Network.Namespaces;

/// <summary>A command (ip, tc, iperf3...) exited non-zero, timed out or could not start. The message is one line and includes stderr.</summary>
public sealed class CommandFailedException : NetworkSimulatorException
{
    public CommandFailedException(string command, string message, int? exitCode = null, string standardError = "", bool timedOut = false, Exception? inner = null)
        : base(message, inner)
    {
        Command = command;
        ExitCode = exitCode;
        StandardError = standardError;
        TimedOut = timedOut;
    }

    public string Command { get; }

    /// <summary>The exit code, or null when the command timed out or did not start.</summary>
    public int? ExitCode { get; }

    public string StandardError { get; }

    public bool TimedOut { get; }

    public override bool IsTransient => TimedOut;
}

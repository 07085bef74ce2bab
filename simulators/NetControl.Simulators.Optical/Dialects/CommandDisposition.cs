namespace NetControl.Simulators.Optical.Dialects;

/// <summary>What the server does with a command's outcome.</summary>
public enum CommandDisposition
{
    /// <summary>Wait the outcome's latency, then send its responses.</summary>
    Respond,

    /// <summary>Send nothing: the element hangs on this command (it was executed).</summary>
    NoResponse,

    /// <summary>Close the connection without answering (the command was not executed).</summary>
    DropConnection,
}

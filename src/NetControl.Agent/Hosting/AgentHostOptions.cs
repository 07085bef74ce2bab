namespace NetControl.Agent.Hosting;

/// <summary>Runtime behaviour of an <see cref="AgentHost"/> that is not part of the configuration file.</summary>
public sealed record AgentHostOptions
{
    /// <summary>First delay before a failed probe session is restarted; doubles up to <see cref="RestartMaxDelay"/>. Default 1 s.</summary>
    public TimeSpan RestartMinDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay between restarts of a failing session. Default 30 s.</summary>
    public TimeSpan RestartMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long <see cref="AgentHost.StopAsync"/> waits for the broker to acknowledge what is queued. Default 5 s.</summary>
    public TimeSpan FlushTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>fsync the journal after every summary (survives power loss). Default true.</summary>
    public bool FsyncEachAppend { get; init; } = true;

    /// <summary>First broker reconnect delay (doubles up to <see cref="ReconnectMaxDelay"/>). Default 100 ms.</summary>
    public TimeSpan ReconnectMinDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest broker reconnect delay. Default 5 s.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(5);
}

using NetControl.Drivers.Tl1.Codec;

namespace NetControl.Drivers.Tl1.Session;

/// <summary>
/// How a <see cref="Tl1Session"/> logs in, times out, keeps alive and reconnects. <see cref="object.ToString"/>
/// shows every option, the password as <c>***</c> (a <see cref="Tl1Secret"/>).
/// </summary>
public sealed record Tl1SessionOptions
{
    /// <summary>The device's name in errors and logs (the topology node id).</summary>
    public required string Device { get; init; }

    /// <summary>Target identifier put in every command; empty on a direct connection.</summary>
    public string Tid { get; init; } = string.Empty;

    public required string UserName { get; init; }

    /// <summary>Sent only inside ACT-USER; never logged or printed (a string converts to it).</summary>
    public required Tl1Secret Password { get; init; }

    /// <summary>How long a command may wait for its final response (an IP acknowledgment restarts the wait once).</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Idle time after which a keep-alive <c>RTRV-HDR</c> is sent; <see cref="Timeout.InfiniteTimeSpan"/> turns keep-alives off.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>First delay before reconnecting; doubled after each failed attempt up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectInitialDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Some switches (Calient) deny a command sent right after ACT-USER with PLNA. Such a command is retried once
    /// after this delay.
    /// </summary>
    public TimeSpan LoginSettleDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Autonomous messages and session events buffered for a slow reader; beyond this the oldest are dropped and a resync is signalled.</summary>
    public int EventCapacity { get; init; } = 4096;

    public Tl1CodecOptions Codec { get; init; } = Tl1CodecOptions.Default;
}

namespace NetControl.Simulators.Optical.Dialects;

/// <summary>How a <see cref="Tl1Agent"/> answers.</summary>
public sealed record Tl1AgentOptions
{
    /// <summary>
    /// Longest response in quoted lines: a longer retrieval is sent as several responses with the same CTAG, all
    /// but the last ending with <c>&gt;</c>. Zero never splits.
    /// </summary>
    public int MaxLinesPerResponse { get; init; } = 100;

    /// <summary>
    /// Accepted logins, user id to password (case-sensitive). Null (the default) accepts any non-empty user id with
    /// any password.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Users { get; init; }

    /// <summary>The verb and modifiers of loss-of-light reports (the modifier is unverified for Calient).</summary>
    public string AlarmReport { get; init; } = "REPT ALM EQPT";
}

namespace NetControl.Messaging.Commands;

/// <summary>What an agent accepts: whose signatures, for how long, which operations and step kinds.</summary>
public sealed record CommandVerifierOptions
{
    /// <summary>The agent's own id: commands for others are refused.</summary>
    public required string AgentId { get; init; }

    /// <summary>Controller public keys (P-256) by key id.</summary>
    public required IReadOnlyDictionary<string, System.Security.Cryptography.ECDsa> Keys { get; init; }

    /// <summary>Clock difference tolerated between controller and agent. Default 30 s.</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest validity a command may claim (expiry minus issue time). Default 5 minutes.</summary>
    public TimeSpan MaxLifetime { get; init; } = TimeSpan.FromMinutes(5);

    public IReadOnlySet<string> AllowedOperations { get; init; } = AgentOperations.All;

    public IReadOnlySet<string> AllowedStepKinds { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "address", "mtu", "txqueuelen", "vlan", "route", "rule", "sysctl" };

    /// <summary>Most command ids remembered at once (each until its expiry); beyond it new commands are refused.</summary>
    public int MaxRemembered { get; init; } = 100_000;
}

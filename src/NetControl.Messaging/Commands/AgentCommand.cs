namespace NetControl.Messaging.Commands;

/// <summary>
/// What the controller asks one agent to do, as signed: a unique <see cref="CommandId"/> (the nonce: an agent runs a
/// command id once), the agent it is for, when it was issued and until when it may run, the operation
/// (<c>apply</c>, <c>rollback</c> or <c>dry-run</c>) and its host steps, or for a rollback the change set to undo.
/// </summary>
public sealed record AgentCommand
{
    public required string CommandId { get; init; }

    public required string AgentId { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public required string Operation { get; init; }

    /// <summary>The change set an <c>apply</c> creates (named by the controller, for example after the lightpath) or a <c>rollback</c> undoes.</summary>
    public string? ChangeSetId { get; init; }

    public IReadOnlyList<HostStepSpec> Steps { get; init; } = [];
}

/// <summary>Operation names of <see cref="AgentCommand.Operation"/>.</summary>
public static class AgentOperations
{
    public const string Apply = "apply";
    public const string Rollback = "rollback";
    public const string DryRun = "dry-run";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Apply, Rollback, DryRun };
}

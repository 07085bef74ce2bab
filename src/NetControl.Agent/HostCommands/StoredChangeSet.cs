namespace NetControl.Agent.HostCommands;

/// <summary>
/// An applied change set as <see cref="HostChangeStore"/> writes it (<c>version</c> 1): the change set id, the host it
/// was applied on, when, and each applied step in order with the state it found, the commands it ran and the
/// commands that undo it (argv lists, no shell in between).
/// </summary>
internal sealed record StoredChangeSet
{
    public const int CurrentVersion = 1;

    public required int Version { get; init; }

    public required string ChangeSetId { get; init; }

    public required string Host { get; init; }

    public required DateTimeOffset AppliedAt { get; init; }

    public required IReadOnlyList<StoredStep> Steps { get; init; }
}

/// <summary>One applied step of a <see cref="StoredChangeSet"/>.</summary>
internal sealed record StoredStep
{
    public required string Description { get; init; }

    public required string State { get; init; }

    public required IReadOnlyList<IReadOnlyList<string>> Apply { get; init; }

    public required IReadOnlyList<IReadOnlyList<string>> Undo { get; init; }
}

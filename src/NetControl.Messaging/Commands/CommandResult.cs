namespace NetControl.Messaging.Commands;

/// <summary>
/// The payload of <c>netcontrol/v1/agents/{agentId}/results</c>: what a command did (or why it was refused), the
/// exact host commands it ran or, for a dry run, would run, and the change set it made or undid.
/// </summary>
public sealed record CommandResult
{
    public required string CommandId { get; init; }

    public required string AgentId { get; init; }

    public required bool Succeeded { get; init; }

    public required string Message { get; init; }

    public IReadOnlyList<string> Commands { get; init; } = [];

    public string? ChangeSetId { get; init; }

    public required DateTimeOffset At { get; init; }
}

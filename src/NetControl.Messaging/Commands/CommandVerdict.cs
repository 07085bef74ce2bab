namespace NetControl.Messaging.Commands;

/// <summary>The verifier's answer: the command, or why it was refused (one line, no secret).</summary>
public sealed record CommandVerdict(AgentCommand? Command, CommandRejection? Rejection, string Reason)
{
    public bool Accepted => Command is not null;

    public static CommandVerdict Accept(AgentCommand command) => new(command, null, "accepted");

    public static CommandVerdict Refuse(CommandRejection rejection, string reason, AgentCommand? about = null) => new(null, rejection, reason) { About = about };

    /// <summary>The command a refusal is about, when it could be read (to answer its id).</summary>
    public AgentCommand? About { get; init; }
}

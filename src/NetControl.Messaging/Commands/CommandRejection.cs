namespace NetControl.Messaging.Commands;

/// <summary>Why an agent refused a command.</summary>
public enum CommandRejection
{
    /// <summary>Not a signed command envelope, or its payload is not a command.</summary>
    Malformed,

    /// <summary>No signature, or one that is empty.</summary>
    Unsigned,

    /// <summary>A key id this agent does not know.</summary>
    UnknownKey,

    /// <summary>The signature does not match the payload under the controller's key.</summary>
    BadSignature,

    /// <summary>For another agent.</summary>
    WrongAgent,

    /// <summary>Past its expiry.</summary>
    Expired,

    /// <summary>Issued in the future, or valid for longer than allowed.</summary>
    BadLifetime,

    /// <summary>A command id already seen.</summary>
    Replayed,

    /// <summary>An operation or step kind not on the agent's allow-list.</summary>
    NotAllowed,
}

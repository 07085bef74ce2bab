namespace NetControl.Messaging.Contracts;

/// <summary>Why a message could not be decoded.</summary>
public enum DecodeErrorKind
{
    /// <summary>Not JSON, or JSON of the wrong shape or types.</summary>
    InvalidJson,

    /// <summary>A required property is missing.</summary>
    MissingProperty,

    /// <summary>Well-formed, but a value is out of range or inconsistent.</summary>
    InvalidValue,

    /// <summary>The payload names another agent than the topic.</summary>
    AgentMismatch,

    /// <summary>Empty payload or empty batch.</summary>
    Empty,

    /// <summary>Larger than the configured limit.</summary>
    TooLarge,
}

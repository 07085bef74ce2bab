namespace NetControl.Messaging.Commands;

/// <summary>
/// The payload of <c>netcontrol/v1/agents/{agentId}/commands</c>: the command's JSON bytes exactly as signed
/// (base64), the ECDSA P-256 / SHA-256 signature over those bytes (IEEE P1363, base64) and the id of the
/// controller key that made it. Signing the bytes, not a re-serialization, leaves nothing to canonicalize.
/// </summary>
public sealed record SignedCommand
{
    public required string KeyId { get; init; }

    public required byte[] Payload { get; init; }

    public required byte[] Signature { get; init; }
}

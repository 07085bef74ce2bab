using System.Security.Cryptography;
using System.Text.Json;
using NetControl.Messaging.Contracts;

namespace NetControl.Messaging.Commands;

/// <summary>The controller's side: serializes a command and signs its bytes with the controller's ECDSA P-256 key.</summary>
public sealed class CommandSigner
{
    private readonly ECDsa _key;

    /// <param name="privateKey">The controller's key (P-256 with its private part); the caller keeps ownership.</param>
    /// <param name="keyId">Names the key, so agents can tell which public key to check against (rotation).</param>
    public CommandSigner(ECDsa privateKey, string keyId)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        if (privateKey.KeySize != 256)
        {
            throw new ArgumentException($"the command key must be ECDSA P-256, not a {privateKey.KeySize}-bit key", nameof(privateKey));
        }

        _key = privateKey;
        KeyId = keyId;
    }

    public string KeyId { get; }

    public SignedCommand Sign(AgentCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        byte[] payload = JsonSerializer.SerializeToUtf8Bytes(command, MessagingJsonContext.Default.AgentCommand);
        byte[] signature = _key.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return new SignedCommand { KeyId = KeyId, Payload = payload, Signature = signature };
    }

    public byte[] Encode(AgentCommand command) => JsonSerializer.SerializeToUtf8Bytes(Sign(command), MessagingJsonContext.Default.SignedCommand);
}

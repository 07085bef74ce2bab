using System.Collections.Immutable;
using System.Globalization;

namespace NetControl.Drivers.Snmp.Messages;

/// <summary>
/// An SNMPv3 message with the User-based Security Model (RFC 3412, RFC 3414). <see cref="Pdu"/> holds the
/// scoped PDU when it travels in plaintext or has been decrypted; <see cref="EncryptedPdu"/> holds the
/// ciphertext when <see cref="Flags"/> has <see cref="V3Flags.Priv"/> and it has not been decrypted (empty
/// otherwise). Equality compares the byte fields by content.
/// </summary>
public sealed record SnmpV3Message(
    int MessageId,
    int MaxSize,
    V3Flags Flags,
    UsmSecurityParameters Security,
    ScopedPdu? Pdu,
    ImmutableArray<byte> EncryptedPdu)
{
    /// <summary>The largest msgMaxSize a UDP datagram allows (65507); what net-snmp advertises.</summary>
    public const int UdpMaxSize = 65507;

    /// <summary>The smallest msgMaxSize RFC 3412 allows.</summary>
    public const int MinMaxSize = 484;

    /// <summary>The encrypted scoped PDU, never default; empty unless privacy is on and the PDU is not decrypted.</summary>
    public ImmutableArray<byte> EncryptedPdu { get; init => field = ByteArrays.OrEmpty(value); } = ByteArrays.OrEmpty(EncryptedPdu);

    /// <summary>A message whose scoped PDU travels (or is to be encrypted) from <paramref name="pdu"/>.</summary>
    public static SnmpV3Message Create(int messageId, V3Flags flags, UsmSecurityParameters security, ScopedPdu pdu, int maxSize = UdpMaxSize) =>
        new(messageId, maxSize, flags, security, pdu, []);

    /// <inheritdoc/>
    public bool Equals(SnmpV3Message? other) =>
        other is not null
        && MessageId == other.MessageId
        && MaxSize == other.MaxSize
        && Flags == other.Flags
        && Security.Equals(other.Security)
        && Equals(Pdu, other.Pdu)
        && ByteArrays.Equal(EncryptedPdu, other.EncryptedPdu);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(MessageId, MaxSize, Flags, Security, Pdu, ByteArrays.Hash(EncryptedPdu));

    /// <summary>"v3 #7 Auth, Reportable engine ... user 'ops' context ...:'' GetRequest #42 [...]".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"v3 #{MessageId} {Flags} {Security} {(Pdu is null ? $"encrypted {EncryptedPdu.Length} bytes" : Pdu.ToString())}");
}

using System.Collections.Immutable;

namespace NetControl.Drivers.Snmp.Messages;

/// <summary>
/// The scoped PDU of an SNMPv3 message (RFC 3412): the context the PDU addresses and the PDU.
/// The context name is UTF-8 (SnmpAdminString). Equality compares the engine id by content.
/// </summary>
public sealed record ScopedPdu(ImmutableArray<byte> ContextEngineId, string ContextName, SnmpPdu Pdu)
{
    /// <summary>contextEngineID, never default; usually the authoritative engine id.</summary>
    public ImmutableArray<byte> ContextEngineId { get; init => field = ByteArrays.OrEmpty(value); } = ByteArrays.OrEmpty(ContextEngineId);

    /// <inheritdoc/>
    public bool Equals(ScopedPdu? other) =>
        other is not null
        && ByteArrays.Equal(ContextEngineId, other.ContextEngineId)
        && string.Equals(ContextName, other.ContextName, StringComparison.Ordinal)
        && Pdu.Equals(other.Pdu);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ByteArrays.Hash(ContextEngineId), ContextName, Pdu);

    /// <summary>"context 80001F88...:'name' GetRequest #42 [...]".</summary>
    public override string ToString() => $"context {ByteArrays.Hex(ContextEngineId)}:'{ContextName}' {Pdu}";
}

using System.Collections.Immutable;
using System.Globalization;

namespace NetControl.Drivers.Snmp.Messages;

/// <summary>
/// An SNMPv2 PDU (RFC 3416). For a GetBulkRequest the error-status and error-index fields hold non-repeaters
/// and max-repetitions, as on the wire; build one with <see cref="GetBulk"/>. Equality compares the varbinds
/// by sequence; a default <see cref="VarBinds"/> reads as empty.
/// </summary>
public sealed record SnmpPdu(PduType Type, int RequestId, SnmpErrorStatus ErrorStatus, int ErrorIndex, ImmutableArray<VarBind> VarBinds)
{
    /// <summary>The variable bindings, never default.</summary>
    public ImmutableArray<VarBind> VarBinds { get; init => field = value.IsDefault ? [] : value; } = VarBinds.IsDefault ? [] : VarBinds;

    /// <summary>non-repeaters of a GetBulkRequest (the raw error-status field for other PDU types).</summary>
    public int NonRepeaters => (int)ErrorStatus;

    /// <summary>max-repetitions of a GetBulkRequest (the raw error-index field for other PDU types).</summary>
    public int MaxRepetitions => ErrorIndex;

    /// <summary>A request of <paramref name="type"/> with error-status and error-index zero.</summary>
    public static SnmpPdu Request(PduType type, int requestId, ImmutableArray<VarBind> varBinds) =>
        new(type, requestId, SnmpErrorStatus.NoError, 0, varBinds);

    /// <summary>A GetBulkRequest; <paramref name="nonRepeaters"/> and <paramref name="maxRepetitions"/> are 0 or more.</summary>
    public static SnmpPdu GetBulk(int requestId, int nonRepeaters, int maxRepetitions, ImmutableArray<VarBind> varBinds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nonRepeaters);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRepetitions);
        return new(PduType.GetBulkRequest, requestId, (SnmpErrorStatus)nonRepeaters, maxRepetitions, varBinds);
    }

    /// <inheritdoc/>
    public bool Equals(SnmpPdu? other) =>
        other is not null
        && Type == other.Type
        && RequestId == other.RequestId
        && ErrorStatus == other.ErrorStatus
        && ErrorIndex == other.ErrorIndex
        && VarBinds.AsSpan().SequenceEqual(other.VarBinds.AsSpan());

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Type, RequestId, ErrorStatus, ErrorIndex, VarBinds.Length);

    /// <summary>"GetRequest #42 [1.3.6.1.2.1.1.5.0 = NULL]", with the error or the bulk parameters when they matter.</summary>
    public override string ToString()
    {
        string fields = Type == PduType.GetBulkRequest
            ? string.Create(CultureInfo.InvariantCulture, $" nonRepeaters={NonRepeaters} maxRepetitions={MaxRepetitions}")
            : ErrorStatus != SnmpErrorStatus.NoError || ErrorIndex != 0
                ? string.Create(CultureInfo.InvariantCulture, $" {ErrorStatus} index={ErrorIndex}")
                : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{Type} #{RequestId}{fields} [{string.Join(", ", VarBinds)}]");
    }
}

using System.Collections.Immutable;
using System.Formats.Asn1;
using System.Globalization;
using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Drivers.Snmp.Codec;

/// <summary>Writes and reads PDUs and their varbinds (RFC 3416 section 3), shared by SNMPv2c and the SNMPv3 scoped PDU.</summary>
internal static class PduSerializer
{
    public static void Write(AsnWriter writer, SnmpPdu pdu)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Validate(pdu);
        if (writer.RuleSet == AsnEncodingRules.CER)
        {
            throw new ArgumentException("SNMP needs definite lengths: write with BER or DER rules, not CER", nameof(writer));
        }

        using (writer.PushSequence(SnmpTags.Pdu(pdu.Type)))
        {
            writer.WriteInteger(pdu.RequestId);
            writer.WriteInteger((int)pdu.ErrorStatus);
            writer.WriteInteger(pdu.ErrorIndex);
            using (writer.PushSequence())
            {
                foreach (VarBind varBind in pdu.VarBinds)
                {
                    using (writer.PushSequence())
                    {
                        OidEncoding.Write(writer, varBind.Oid);
                        WriteValue(writer, varBind.Value);
                    }
                }
            }
        }
    }

    public static SnmpPdu Read(ref SnmpBerReader reader)
    {
        int at = reader.Offset;
        Asn1Tag tag = reader.PeekTag("PDU");
        if (tag.TagClass != TagClass.ContextSpecific || !tag.IsConstructed || !SnmpTags.IsPduNumber(tag.TagValue))
        {
            throw new SnmpDecodeException(
                tag.TagClass == TagClass.ContextSpecific && tag.TagValue == 4
                    ? "PDU: the SNMPv1 Trap-PDU [4] is not supported"
                    : $"PDU: expected a PDU tag [0] to [8], found {SnmpTags.Describe(tag)}",
                at);
        }

        var type = (PduType)tag.TagValue;
        bool bulk = type == PduType.GetBulkRequest;
        SnmpBerReader pdu = reader.ReadSequence("PDU", tag);
        int requestId = pdu.ReadInt32("request-id");
        int status = bulk ? pdu.ReadInt32("non-repeaters", min: 0) : pdu.ReadInt32("error-status", min: 0, max: (int)SnmpErrorStatus.InconsistentName);
        int index = pdu.ReadInt32(bulk ? "max-repetitions" : "error-index", min: 0);
        SnmpBerReader list = pdu.ReadSequence("variable-bindings");
        ImmutableArray<VarBind>.Builder varBinds = ImmutableArray.CreateBuilder<VarBind>();
        while (list.HasData)
        {
            if (varBinds.Count == SnmpCodec.MaxVarBinds)
            {
                throw new SnmpDecodeException($"variable-bindings: more than {SnmpCodec.MaxVarBinds} varbinds", list.Offset);
            }

            SnmpBerReader varBind = list.ReadSequence("varbind");
            string oid = varBind.ReadOid("varbind name");
            SnmpValue value = varBind.ReadValue("varbind value");
            varBind.ThrowIfNotEmpty("varbind");
            varBinds.Add(new VarBind(oid, value));
        }

        pdu.ThrowIfNotEmpty("PDU");
        return new SnmpPdu(type, requestId, (SnmpErrorStatus)status, index, varBinds.DrainToImmutable());
    }

    private static void WriteValue(AsnWriter writer, SnmpValue value)
    {
        switch (value.Type)
        {
            case SnmpValueType.Integer: writer.WriteInteger(value.AsInt32()); break;
            case SnmpValueType.OctetString: writer.WriteOctetString(value.AsBytes().Span); break;
            case SnmpValueType.Null: writer.WriteNull(); break;
            case SnmpValueType.ObjectIdentifier: OidEncoding.Write(writer, value.AsOid()); break;
            case SnmpValueType.IpAddress: writer.WriteOctetString(value.AsBytes().Span, SnmpTags.IpAddress); break;
            case SnmpValueType.Counter32: writer.WriteInteger((ulong)value.AsUInt32(), SnmpTags.Counter32); break;
            case SnmpValueType.Gauge32: writer.WriteInteger((ulong)value.AsUInt32(), SnmpTags.Gauge32); break;
            case SnmpValueType.TimeTicks: writer.WriteInteger((ulong)value.AsUInt32(), SnmpTags.TimeTicks); break;
            case SnmpValueType.Opaque: writer.WriteOctetString(value.AsBytes().Span, SnmpTags.Opaque); break;
            case SnmpValueType.Counter64: writer.WriteInteger(value.AsUInt64(), SnmpTags.Counter64); break;
            case SnmpValueType.NoSuchObject: writer.WriteNull(SnmpTags.NoSuchObject); break;
            case SnmpValueType.NoSuchInstance: writer.WriteNull(SnmpTags.NoSuchInstance); break;
            case SnmpValueType.EndOfMibView: writer.WriteNull(SnmpTags.EndOfMibView); break;
            default: throw new ArgumentException($"unknown SNMP value type {value.Type}", nameof(value));
        }
    }

    /// <summary>Checks everything before writing, so that a bad PDU leaves the writer untouched and never encodes what the decoder rejects.</summary>
    private static void Validate(SnmpPdu pdu)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        if (!SnmpTags.IsPduNumber((int)pdu.Type))
        {
            throw new ArgumentException($"PDU type {pdu.Type} is not an SNMPv2 PDU", nameof(pdu));
        }

        if (pdu.Type == PduType.GetBulkRequest ? pdu.NonRepeaters < 0 || pdu.MaxRepetitions < 0
            : pdu.ErrorStatus is < SnmpErrorStatus.NoError or > SnmpErrorStatus.InconsistentName || pdu.ErrorIndex < 0)
        {
            throw new ArgumentException($"{pdu.Type}: error-status/non-repeaters {(int)pdu.ErrorStatus} or error-index/max-repetitions {pdu.ErrorIndex} out of range", nameof(pdu));
        }

        if (pdu.VarBinds.Length > SnmpCodec.MaxVarBinds)
        {
            throw new ArgumentException($"{pdu.VarBinds.Length} varbinds, more than {SnmpCodec.MaxVarBinds}", nameof(pdu));
        }

        for (int i = 0; i < pdu.VarBinds.Length; i++)
        {
            VarBind? varBind = pdu.VarBinds[i];
            if (varBind is null || !Oid.IsValid(varBind.Oid) || !Enum.IsDefined(varBind.Value.Type))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"varbind {i + 1}: {(varBind is null ? "null" : $"'{varBind.Oid}' is not a valid OID or its value type is unknown")}"),
                    nameof(pdu));
            }
        }
    }
}

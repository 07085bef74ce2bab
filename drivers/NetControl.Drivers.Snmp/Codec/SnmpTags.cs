using System.Formats.Asn1;
using System.Globalization;
using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Drivers.Snmp.Codec;

/// <summary>The ASN.1 tags of SNMP's application types, exception values and PDUs (RFC 3416), and their names for errors.</summary>
internal static class SnmpTags
{
    public static readonly Asn1Tag IpAddress = new(TagClass.Application, 0);
    public static readonly Asn1Tag Counter32 = new(TagClass.Application, 1);
    public static readonly Asn1Tag Gauge32 = new(TagClass.Application, 2);
    public static readonly Asn1Tag TimeTicks = new(TagClass.Application, 3);
    public static readonly Asn1Tag Opaque = new(TagClass.Application, 4);
    public static readonly Asn1Tag Counter64 = new(TagClass.Application, 6);
    public static readonly Asn1Tag NoSuchObject = new(TagClass.ContextSpecific, 0);
    public static readonly Asn1Tag NoSuchInstance = new(TagClass.ContextSpecific, 1);
    public static readonly Asn1Tag EndOfMibView = new(TagClass.ContextSpecific, 2);

    /// <summary>The context-specific constructed tag of a PDU.</summary>
    public static Asn1Tag Pdu(PduType type) => new(TagClass.ContextSpecific, (int)type, isConstructed: true);

    /// <summary>True for the PDU tag numbers SNMPv2 defines (not the SNMPv1 Trap-PDU [4]).</summary>
    public static bool IsPduNumber(int number) => number is >= 0 and <= 8 and not 4;

    /// <summary>"INTEGER", "constructed OCTET STRING", "primitive SEQUENCE", "[APPLICATION 1]", "[2] (constructed)".</summary>
    public static string Describe(Asn1Tag tag)
    {
        if (tag.TagClass != TagClass.Universal)
        {
            string prefix = tag.TagClass switch
            {
                TagClass.Application => "APPLICATION ",
                TagClass.Private => "PRIVATE ",
                _ => string.Empty,
            };
            return string.Create(CultureInfo.InvariantCulture, $"[{prefix}{tag.TagValue}]{(tag.IsConstructed ? " (constructed)" : string.Empty)}");
        }

        string name = tag.TagValue switch
        {
            2 => "INTEGER",
            4 => "OCTET STRING",
            5 => "NULL",
            6 => "OBJECT IDENTIFIER",
            16 => "SEQUENCE",
            _ => string.Create(CultureInfo.InvariantCulture, $"[UNIVERSAL {tag.TagValue}]"),
        };
        return tag.TagValue == 16
            ? (tag.IsConstructed ? name : "primitive " + name)
            : (tag.IsConstructed ? "constructed " + name : name);
    }
}

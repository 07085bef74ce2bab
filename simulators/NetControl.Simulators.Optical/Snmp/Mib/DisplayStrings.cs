using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Simulators.Optical.Snmp.Mib;

/// <summary>SET checks for DisplayString objects (SNMPv2-TC: OCTET STRING (SIZE (0..255)) of printable ASCII).</summary>
internal static class DisplayStrings
{
    public const int MaxLength = 255;

    /// <summary>A writer for a DisplayString kept by <paramref name="apply"/>.</summary>
    public static MibWrite Writer(Action<string> apply) => new(Check, value => apply(value.AsString()));

    /// <summary>wrongType unless an OCTET STRING, wrongLength over 255 octets, wrongValue for bytes outside printable ASCII (plus CR, LF, TAB).</summary>
    public static SnmpErrorStatus Check(SnmpValue value)
    {
        if (value.Type != SnmpValueType.OctetString)
        {
            return SnmpErrorStatus.WrongType;
        }

        var bytes = value.AsBytes().Span;
        if (bytes.Length > MaxLength)
        {
            return SnmpErrorStatus.WrongLength;
        }

        foreach (byte b in bytes)
        {
            if (b is not ((>= 0x20 and < 0x7F) or (byte)'\r' or (byte)'\n' or (byte)'\t'))
            {
                return SnmpErrorStatus.WrongValue;
            }
        }

        return SnmpErrorStatus.NoError;
    }
}

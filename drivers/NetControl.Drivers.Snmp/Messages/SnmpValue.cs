using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NetControl.Drivers.Snmp.Messages;

/// <summary>
/// An immutable varbind value: one of the SNMPv2 syntaxes or an exception value. Equality compares the type
/// and the content (bytes by content). <c>default</c> is INTEGER 0.
/// </summary>
public readonly record struct SnmpValue
{
    private readonly ulong _number;
    private readonly byte[]? _bytes;
    private readonly string? _oid;

    private SnmpValue(SnmpValueType type, ulong number = 0, byte[]? bytes = null, string? oid = null)
    {
        Type = type;
        _number = number;
        _bytes = bytes;
        _oid = oid;
    }

    /// <summary>The syntax of this value.</summary>
    public SnmpValueType Type { get; }

    /// <summary>True for noSuchObject, noSuchInstance and endOfMibView.</summary>
    public bool IsException => Type is SnmpValueType.NoSuchObject or SnmpValueType.NoSuchInstance or SnmpValueType.EndOfMibView;

    /// <summary>NULL, the value of a varbind in a Get, GetNext or GetBulk request.</summary>
    public static SnmpValue Null => new(SnmpValueType.Null);

    /// <summary>The noSuchObject exception value.</summary>
    public static SnmpValue NoSuchObject => new(SnmpValueType.NoSuchObject);

    /// <summary>The noSuchInstance exception value.</summary>
    public static SnmpValue NoSuchInstance => new(SnmpValueType.NoSuchInstance);

    /// <summary>The endOfMibView exception value.</summary>
    public static SnmpValue EndOfMibView => new(SnmpValueType.EndOfMibView);

    /// <summary>An INTEGER (Integer32).</summary>
    public static SnmpValue Integer(int value) => new(SnmpValueType.Integer, unchecked((ulong)value));

    /// <summary>An OCTET STRING holding a copy of <paramref name="value"/>.</summary>
    public static SnmpValue OctetString(ReadOnlySpan<byte> value) => new(SnmpValueType.OctetString, bytes: value.ToArray());

    /// <summary>An OCTET STRING holding the UTF-8 encoding of <paramref name="utf8"/> (DisplayString, SnmpAdminString).</summary>
    public static SnmpValue OctetString(string utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        return new(SnmpValueType.OctetString, bytes: Encoding.UTF8.GetBytes(utf8));
    }

    /// <summary>An OBJECT IDENTIFIER; throws <see cref="ArgumentException"/> when <paramref name="oid"/> is not valid.</summary>
    public static SnmpValue ObjectIdentifier(string oid)
    {
        if (!Oid.IsValid(oid))
        {
            throw new ArgumentException($"'{oid}' is not a valid OID (dotted decimal, 2 to {Oid.MaxArcs} arcs of 0..4294967295)", nameof(oid));
        }

        return new(SnmpValueType.ObjectIdentifier, oid: oid);
    }

    /// <summary>An IpAddress; only IPv4 addresses are representable.</summary>
    public static SnmpValue IpAddress(IPAddress v4)
    {
        ArgumentNullException.ThrowIfNull(v4);
        if (v4.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ArgumentException($"IpAddress holds IPv4 only, not {v4}", nameof(v4));
        }

        return new(SnmpValueType.IpAddress, bytes: v4.GetAddressBytes());
    }

    /// <summary>A Counter32.</summary>
    public static SnmpValue Counter32(uint value) => new(SnmpValueType.Counter32, value);

    /// <summary>A Gauge32 (also Unsigned32).</summary>
    public static SnmpValue Gauge32(uint value) => new(SnmpValueType.Gauge32, value);

    /// <summary>TimeTicks in hundredths of a second.</summary>
    public static SnmpValue TimeTicks(uint value) => new(SnmpValueType.TimeTicks, value);

    /// <summary>An Opaque holding a copy of <paramref name="value"/> (itself a BER encoding, not interpreted).</summary>
    public static SnmpValue Opaque(ReadOnlySpan<byte> value) => new(SnmpValueType.Opaque, bytes: value.ToArray());

    /// <summary>A Counter64.</summary>
    public static SnmpValue Counter64(ulong value) => new(SnmpValueType.Counter64, value);

    /// <summary>Decoder entry: an IpAddress from exactly four bytes.</summary>
    internal static SnmpValue IpAddress(ReadOnlySpan<byte> fourBytes) => new(SnmpValueType.IpAddress, bytes: fourBytes.ToArray());

    /// <summary>Decoder entry: an OID already validated by the decoder.</summary>
    internal static SnmpValue TrustedObjectIdentifier(string oid) => new(SnmpValueType.ObjectIdentifier, oid: oid);

    /// <summary>The INTEGER value.</summary>
    public int AsInt32()
    {
        Expect(SnmpValueType.Integer);
        return unchecked((int)_number);
    }

    /// <summary>The value of a Counter32, Gauge32 or TimeTicks.</summary>
    public uint AsUInt32()
    {
        if (Type is not (SnmpValueType.Counter32 or SnmpValueType.Gauge32 or SnmpValueType.TimeTicks))
        {
            throw Mismatch("Counter32, Gauge32 or TimeTicks");
        }

        return (uint)_number;
    }

    /// <summary>The value of a Counter64, or of a Counter32, Gauge32 or TimeTicks widened.</summary>
    public ulong AsUInt64()
    {
        if (Type is not (SnmpValueType.Counter64 or SnmpValueType.Counter32 or SnmpValueType.Gauge32 or SnmpValueType.TimeTicks))
        {
            throw Mismatch("Counter64, Counter32, Gauge32 or TimeTicks");
        }

        return _number;
    }

    /// <summary>The content of an OCTET STRING, Opaque or IpAddress (four bytes, network order).</summary>
    public ReadOnlyMemory<byte> AsBytes()
    {
        if (Type is not (SnmpValueType.OctetString or SnmpValueType.Opaque or SnmpValueType.IpAddress))
        {
            throw Mismatch("OctetString, Opaque or IpAddress");
        }

        return _bytes ?? [];
    }

    /// <summary>
    /// An OCTET STRING decoded as UTF-8 (DisplayString is ASCII, a subset); invalid sequences become U+FFFD.
    /// Use <see cref="AsBytes"/> for the exact content.
    /// </summary>
    public string AsString()
    {
        Expect(SnmpValueType.OctetString);
        return Encoding.UTF8.GetString(_bytes ?? []);
    }

    /// <summary>The OBJECT IDENTIFIER in dotted form.</summary>
    public string AsOid()
    {
        Expect(SnmpValueType.ObjectIdentifier);
        return _oid!;
    }

    /// <summary>The IpAddress.</summary>
    public IPAddress AsIpAddress()
    {
        Expect(SnmpValueType.IpAddress);
        return new IPAddress(_bytes!);
    }

    /// <inheritdoc/>
    public bool Equals(SnmpValue other) =>
        Type == other.Type
        && _number == other._number
        && string.Equals(_oid, other._oid, StringComparison.Ordinal)
        && (_bytes ?? []).AsSpan().SequenceEqual(other._bytes ?? []);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Type);
        hash.Add(_number);
        hash.Add(_oid, StringComparer.Ordinal);
        hash.AddBytes(_bytes ?? []);
        return hash.ToHashCode();
    }

    /// <summary>Like net-snmp's value output: "INTEGER: 5", "STRING: \"x\"", "Counter64: 7", "Timeticks: (9323) 0:01:33.23".</summary>
    public override string ToString() => Type switch
    {
        SnmpValueType.Integer => $"INTEGER: {AsInt32().ToString(CultureInfo.InvariantCulture)}",
        SnmpValueType.OctetString => IsPrintable(_bytes ?? [])
            ? $"STRING: \"{Encoding.ASCII.GetString(_bytes ?? []).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\""
            : $"Hex-STRING: {Hex(_bytes ?? [])}",
        SnmpValueType.Null => "NULL",
        SnmpValueType.ObjectIdentifier => $"OID: .{_oid}",
        SnmpValueType.IpAddress => $"IpAddress: {AsIpAddress()}",
        SnmpValueType.Counter32 => $"Counter32: {_number.ToString(CultureInfo.InvariantCulture)}",
        SnmpValueType.Gauge32 => $"Gauge32: {_number.ToString(CultureInfo.InvariantCulture)}",
        SnmpValueType.TimeTicks => $"Timeticks: ({_number.ToString(CultureInfo.InvariantCulture)}) {FormatTicks((uint)_number)}",
        SnmpValueType.Opaque => $"OPAQUE: {Hex(_bytes ?? [])}",
        SnmpValueType.Counter64 => $"Counter64: {_number.ToString(CultureInfo.InvariantCulture)}",
        SnmpValueType.NoSuchObject => "No Such Object available on this agent at this OID",
        SnmpValueType.NoSuchInstance => "No Such Instance currently exists at this OID",
        SnmpValueType.EndOfMibView => "No more variables left in this MIB View (It is past the end of the MIB tree)",
        _ => Type.ToString(),
    };

    private static bool IsPrintable(byte[] bytes) => bytes.All(b => b is >= 0x20 and < 0x7F or (byte)'\t' or (byte)'\r' or (byte)'\n');

    private static string Hex(byte[] bytes) => string.Join(' ', bytes.Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));

    private static string FormatTicks(uint ticks)
    {
        uint days = ticks / 8_640_000, rest = ticks % 8_640_000;
        string clock = string.Create(CultureInfo.InvariantCulture, $"{rest / 360_000}:{rest / 6_000 % 60:00}:{rest / 100 % 60:00}.{rest % 100:00}");
        return days switch
        {
            0 => clock,
            1 => $"1 day, {clock}",
            _ => string.Create(CultureInfo.InvariantCulture, $"{days} days, {clock}"),
        };
    }

    private void Expect(SnmpValueType type)
    {
        if (Type != type)
        {
            throw Mismatch(type.ToString());
        }
    }

    private InvalidOperationException Mismatch(string expected) =>
        new($"the SNMP value is {Type}, not {expected}");
}

using System.Collections.Immutable;
using System.Net;
using System.Text;
using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Drivers.Snmp.Tests.Codec;

/// <summary>Random valid messages for property tests, biased towards encoding edges (length and integer boundaries).</summary>
internal static class RandomMessages
{
    private static readonly int[] IntEdges = [int.MinValue, int.MinValue + 1, -32769, -32768, -129, -128, -1, 0, 1, 127, 128, 255, 256, 32767, 32768, int.MaxValue];
    private static readonly uint[] UIntEdges = [0, 1, 127, 128, 255, 256, 0x7FFF_FFFF, 0x8000_0000, uint.MaxValue - 1, uint.MaxValue];
    private static readonly ulong[] ULongEdges = [0, 1, 127, 128, uint.MaxValue, 0x7FFF_FFFF_FFFF_FFFF, 0x8000_0000_0000_0000, ulong.MaxValue];
    private static readonly int[] LengthEdges = [0, 1, 127, 128, 255, 256];
    private static readonly string[] Texts = ["", "public", "é", "日本語", "ops@example.net", "a\"b\\c", "\u00FF\u0000"];
    private static readonly PduType[] PduTypes = [.. Enum.GetValues<PduType>()];

    public static SnmpV2cMessage V2c(Random random) =>
        new(Latin1(random), Pdu(random));

    public static SnmpV3Message V3(Random random)
    {
        V3Flags flags = (V3Flags)random.Next(8) & ~V3Flags.Priv;
        bool encrypted = random.Next(4) == 0;
        if (encrypted)
        {
            flags |= V3Flags.Auth | V3Flags.Priv;
        }

        var security = new UsmSecurityParameters(
            Bytes(random, random.Next(33)),
            NonNegative(random),
            NonNegative(random),
            UserName(random),
            Bytes(random, Pick(random, [0, 12, 24])),
            Bytes(random, Pick(random, [0, 8])));
        return new SnmpV3Message(
            NonNegative(random),
            random.Next(4) == 0 ? SnmpV3Message.UdpMaxSize : random.Next(SnmpV3Message.MinMaxSize, int.MaxValue),
            flags,
            security,
            encrypted ? null : Scoped(random),
            encrypted ? Bytes(random, random.Next(1, 300)) : []);
    }

    public static ScopedPdu Scoped(Random random) =>
        new(Bytes(random, random.Next(33)), random.Next(3) == 0 ? Pick(random, Texts) : string.Empty, Pdu(random));

    public static SnmpPdu Pdu(Random random)
    {
        PduType type = Pick(random, PduTypes);
        int count = random.Next(50) == 0 ? random.Next(100, 400) : random.Next(0, 12);
        ImmutableArray<VarBind> varBinds = [.. Enumerable.Range(0, count).Select(_ => new VarBind(Oid(random), Value(random)))];
        int requestId = random.Next(3) == 0 ? Pick(random, IntEdges) : random.Next(int.MinValue, int.MaxValue);
        return type == PduType.GetBulkRequest
            ? SnmpPdu.GetBulk(requestId, NonNegative(random), NonNegative(random), varBinds)
            : new SnmpPdu(type, requestId, (SnmpErrorStatus)random.Next(19), NonNegative(random), varBinds);
    }

    public static SnmpValue Value(Random random) => (SnmpValueType)random.Next(13) switch
    {
        SnmpValueType.Integer => SnmpValue.Integer(random.Next(2) == 0 ? Pick(random, IntEdges) : random.Next(int.MinValue, int.MaxValue)),
        SnmpValueType.OctetString => SnmpValue.OctetString(Bytes(random, Length(random)).AsSpan()),
        SnmpValueType.Null => SnmpValue.Null,
        SnmpValueType.ObjectIdentifier => SnmpValue.ObjectIdentifier(Oid(random)),
        SnmpValueType.IpAddress => SnmpValue.IpAddress(new IPAddress(Bytes(random, 4).AsSpan())),
        SnmpValueType.Counter32 => SnmpValue.Counter32(UInt32(random)),
        SnmpValueType.Gauge32 => SnmpValue.Gauge32(UInt32(random)),
        SnmpValueType.TimeTicks => SnmpValue.TimeTicks(UInt32(random)),
        SnmpValueType.Opaque => SnmpValue.Opaque(Bytes(random, Length(random)).AsSpan()),
        SnmpValueType.Counter64 => SnmpValue.Counter64(random.Next(2) == 0 ? Pick(random, ULongEdges) : (ulong)random.NextInt64() * 2 + (ulong)random.Next(2)),
        SnmpValueType.NoSuchObject => SnmpValue.NoSuchObject,
        SnmpValueType.NoSuchInstance => SnmpValue.NoSuchInstance,
        _ => SnmpValue.EndOfMibView,
    };

    public static string Oid(Random random)
    {
        int first = random.Next(3);
        long second = first < 2 ? random.Next(40) : Arc(random);
        int extra = random.Next(20) == 0 ? Messages.Oid.MaxArcs - 2 : random.Next(0, 14);
        return string.Join('.', new long[] { first, second }.Concat(Enumerable.Range(0, extra).Select(_ => Arc(random))));
    }

    private static long Arc(Random random) => random.Next(3) switch
    {
        0 => Pick(random, UIntEdges),
        1 => random.Next(128),
        _ => random.NextInt64(0, (long)uint.MaxValue + 1),
    };

    private static uint UInt32(Random random) => random.Next(2) == 0 ? Pick(random, UIntEdges) : (uint)random.NextInt64(0, (long)uint.MaxValue + 1);

    private static int NonNegative(Random random) => random.Next(3) == 0 ? Pick(random, [0, 1, 127, 128, int.MaxValue]) : random.Next();

    private static int Length(Random random) => random.Next(2) == 0 ? Pick(random, LengthEdges) : random.Next(40);

    private static string Latin1(Random random) =>
        random.Next(3) == 0 ? Pick(random, ["public", "private", string.Empty])
        : new string([.. Enumerable.Range(0, random.Next(40)).Select(_ => (char)random.Next(256))]);

    private static string UserName(Random random)
    {
        string name = random.Next(2) == 0 ? Pick(random, Texts) : new string([.. Enumerable.Range(0, random.Next(33)).Select(_ => (char)random.Next('a', 'z' + 1))]);
        return Encoding.UTF8.GetByteCount(name) <= 32 ? name : "ops";
    }

    private static ImmutableArray<byte> Bytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return [.. bytes];
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}

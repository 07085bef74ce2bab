using NetControl.Probes.Stamp;

namespace NetControl.Probes.Tests.Stamp;

public sealed class StampPacketCodecTests
{
    private static readonly StampSenderPacket Sender = new(1, new NtpTimestamp(0xE5A1B2C3, 0x8000_0000), ErrorEstimate.FromValue(0x9201), 0xBEEF);

    private static readonly byte[] SenderBytes =
    [
        0x00, 0x00, 0x00, 0x01,                         // sequence number
        0xE5, 0xA1, 0xB2, 0xC3, 0x80, 0x00, 0x00, 0x00, // T1
        0x92, 0x01,                                     // error estimate: S=1 Z=0 scale 18 multiplier 1
        0xBE, 0xEF,                                     // SSID
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // MBZ (28)
    ];

    private static readonly StampReflectorPacket Reflector = new(
        7,
        new NtpTimestamp(0xE5A1B2C4, 0x0000_0010),
        ErrorEstimate.FromValue(0x0114),
        0xBEEF,
        new NtpTimestamp(0xE5A1B2C4, 0x0000_0001),
        1,
        new NtpTimestamp(0xE5A1B2C3, 0x8000_0000),
        ErrorEstimate.FromValue(0x9201),
        64);

    private static readonly byte[] ReflectorBytes =
    [
        0x00, 0x00, 0x00, 0x07,                         // sequence number
        0xE5, 0xA1, 0xB2, 0xC4, 0x00, 0x00, 0x00, 0x10, // T3
        0x01, 0x14,                                     // error estimate
        0xBE, 0xEF,                                     // SSID
        0xE5, 0xA1, 0xB2, 0xC4, 0x00, 0x00, 0x00, 0x01, // T2
        0x00, 0x00, 0x00, 0x01,                         // sender sequence number
        0xE5, 0xA1, 0xB2, 0xC3, 0x80, 0x00, 0x00, 0x00, // T1
        0x92, 0x01,                                     // sender error estimate
        0x00, 0x00,                                     // MBZ
        0x40,                                           // sender TTL
        0x00, 0x00, 0x00,                               // MBZ
    ];

    [Fact]
    public void Encode_SenderPacket_MatchesGoldenBytes()
    {
        var buffer = new byte[44];

        Assert.Equal(44, Sender.Encode(buffer));

        Assert.Equal(SenderBytes, buffer);
    }

    [Fact]
    public void TryDecode_GoldenSenderBytes_GivesThePacket()
    {
        Assert.True(StampSenderPacket.TryDecode(SenderBytes, out var packet, out var error, strict: true));

        Assert.Null(error);
        Assert.Equal(Sender, packet);
    }

    [Fact]
    public void Encode_ReflectorPacket_MatchesGoldenBytes()
    {
        var buffer = new byte[44];

        Reflector.Encode(buffer);

        Assert.Equal(ReflectorBytes, buffer);
    }

    [Fact]
    public void TryDecode_GoldenReflectorBytes_GivesThePacket()
    {
        Assert.True(StampReflectorPacket.TryDecode(ReflectorBytes, out var packet, out var error, strict: true));

        Assert.Null(error);
        Assert.Equal(Reflector, packet);
    }

    [Fact]
    public void Encode_PaddedBuffer_ZeroesThePadding()
    {
        var buffer = Enumerable.Repeat((byte)0xAA, 100).ToArray();

        Sender.Encode(buffer);

        Assert.Equal(SenderBytes, buffer[..44]);
        Assert.All(buffer[44..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void Encode_ShortBuffer_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Sender.Encode(new byte[43]));
    }

    [Fact]
    public void TryDecode_PaddedSenderPacket_IgnoresThePadding()
    {
        var padded = SenderBytes.Concat(Enumerable.Repeat((byte)0x5A, 1000)).ToArray();

        Assert.True(StampSenderPacket.TryDecode(padded, out var packet, out _, strict: true));

        Assert.Equal(Sender, packet);
    }

    [Fact]
    public void TryDecode_ReflectorPacketCutInT2_SaysTooShortAtByte16()
    {
        Assert.False(StampReflectorPacket.TryDecode(ReflectorBytes.AsSpan(0, 20), out _, out var error));

        Assert.Equal(new StampDecodeError(StampDecodeErrorKind.TooShort, "ReceiveTimestamp", 16, 20), error);
    }

    [Fact]
    public void TryDecode_SenderPacketMissingLastMbzByte_SaysTooShortAtByte16()
    {
        Assert.False(StampSenderPacket.TryDecode(SenderBytes.AsSpan(0, 43), out _, out var error));

        Assert.Equal(new StampDecodeError(StampDecodeErrorKind.TooShort, "Mbz", 16, 43), error);
    }

    [Fact]
    public void TryDecode_EmptyDatagram_SaysTooShortAtByte0()
    {
        Assert.False(StampSenderPacket.TryDecode([], out _, out var error));

        Assert.Equal(StampDecodeErrorKind.TooShort, error!.Kind);
        Assert.Equal(0, error.Offset);
        Assert.Equal("TooShort: SequenceNumber at byte 0 (datagram is 0 bytes)", error.ToString());
    }

    [Fact]
    public void TryDecode_NonZeroMbzStrict_SaysWhichByte()
    {
        var bytes = (byte[])ReflectorBytes.Clone();
        bytes[42] = 1;

        Assert.False(StampReflectorPacket.TryDecode(bytes, out _, out var error, strict: true));

        Assert.Equal(new StampDecodeError(StampDecodeErrorKind.NonZeroMbz, "Mbz", 42, 44), error);
    }

    [Fact]
    public void TryDecode_NonZeroMbzLenient_Accepts()
    {
        var bytes = (byte[])SenderBytes.Clone();
        bytes[30] = 0xFF;

        Assert.True(StampSenderPacket.TryDecode(bytes, out var packet, out _));

        Assert.Equal(Sender, packet);
    }

    [Fact]
    public void TryDecode_ZeroMultiplierStrict_SaysZeroErrorMultiplierAtByte37()
    {
        var bytes = (byte[])ReflectorBytes.Clone();
        bytes[37] = 0;

        Assert.False(StampReflectorPacket.TryDecode(bytes, out _, out var error, strict: true));

        Assert.Equal(new StampDecodeError(StampDecodeErrorKind.ZeroErrorMultiplier, "SenderErrorEstimate", 37, 44), error);
    }
}

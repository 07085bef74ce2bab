using NetControl.Probes.Stamp;

namespace NetControl.Probes.Tests.Stamp;

/// <summary>Seeded random property tests: decoding never throws, and decode(encode(x)) == x.</summary>
public sealed class StampPacketPropertyTests
{
    private const int Iterations = 20_000;

    [Fact]
    public void TryDecode_RandomBytes_NeverThrowsAndFailsOnlyWhenShort()
    {
        var random = new Random(1);
        for (var i = 0; i < Iterations; i++)
        {
            var bytes = new byte[random.Next(0, 120)];
            random.NextBytes(bytes);
            var strict = random.Next(2) == 0;

            var sender = StampSenderPacket.TryDecode(bytes, out _, out var senderError, strict);
            var reflector = StampReflectorPacket.TryDecode(bytes, out _, out var reflectorError, strict);

            Assert.Equal(sender, senderError is null);
            Assert.Equal(reflector, reflectorError is null);
            if (!strict)
            {
                Assert.Equal(bytes.Length >= 44, sender);
                Assert.Equal(bytes.Length >= 44, reflector);
            }

            Assert.InRange((senderError ?? reflectorError)?.Offset ?? 0, 0, Math.Max(0, bytes.Length));
        }
    }

    [Fact]
    public void TryDecode_MutatedValidPackets_NeverThrows()
    {
        var random = new Random(2);
        var buffer = new byte[44];
        for (var i = 0; i < Iterations; i++)
        {
            RandomReflector(random).Encode(buffer);
            var mutated = Mutate(random, buffer);

            var ok = StampReflectorPacket.TryDecode(mutated, out _, out var error, strict: true);
            _ = StampSenderPacket.TryDecode(mutated, out _, out _, strict: true);

            Assert.Equal(ok, error is null);
            Assert.True(ok || error!.Offset <= mutated.Length);
        }
    }

    [Fact]
    public void TryDecode_EncodedRandomSenderPackets_RoundTrip()
    {
        var random = new Random(3);
        for (var i = 0; i < Iterations; i++)
        {
            var packet = new StampSenderPacket((uint)random.NextInt64(0, 1L << 32), RandomTimestamp(random), RandomEstimate(random), (ushort)random.Next(65536));
            var buffer = new byte[random.Next(44, 200)];

            packet.Encode(buffer);

            Assert.True(StampSenderPacket.TryDecode(buffer, out var decoded, out _, strict: packet.ErrorEstimate.Multiplier != 0));
            Assert.Equal(packet, decoded);
        }
    }

    [Fact]
    public void TryDecode_EncodedRandomReflectorPackets_RoundTrip()
    {
        var random = new Random(4);
        for (var i = 0; i < Iterations; i++)
        {
            var packet = RandomReflector(random);
            var buffer = new byte[random.Next(44, 200)];

            packet.Encode(buffer);

            Assert.True(StampReflectorPacket.TryDecode(buffer, out var decoded, out _));
            Assert.Equal(packet, decoded);
        }
    }

    private static StampReflectorPacket RandomReflector(Random random) => new(
        (uint)random.NextInt64(0, 1L << 32),
        RandomTimestamp(random),
        RandomEstimate(random),
        (ushort)random.Next(65536),
        RandomTimestamp(random),
        (uint)random.NextInt64(0, 1L << 32),
        RandomTimestamp(random),
        RandomEstimate(random),
        (byte)random.Next(256));

    private static NtpTimestamp RandomTimestamp(Random random) => NtpTimestamp.FromValue((ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63));

    private static ErrorEstimate RandomEstimate(Random random) => ErrorEstimate.FromValue((ushort)random.Next(65536));

    private static byte[] Mutate(Random random, byte[] valid)
    {
        var bytes = random.Next(4) switch
        {
            0 => valid[..random.Next(0, valid.Length)],
            1 => [.. valid, .. Enumerable.Range(0, random.Next(1, 64)).Select(_ => (byte)random.Next(256))],
            _ => (byte[])valid.Clone(),
        };
        for (var flips = random.Next(0, 6); flips > 0 && bytes.Length > 0; flips--)
        {
            bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
        }

        return bytes;
    }
}

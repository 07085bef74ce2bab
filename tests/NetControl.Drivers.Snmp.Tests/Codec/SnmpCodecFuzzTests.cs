using System.Diagnostics;
using NetControl.Drivers.Snmp.Codec;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Drivers.Snmp.Security;

namespace NetControl.Drivers.Snmp.Tests.Codec;

/// <summary>
/// Hostile input: random bytes, and net-snmp datagrams with flipped bits, truncations, corrupted lengths,
/// insertions and deletions. Every decoder either succeeds or throws <see cref="SnmpDecodeException"/>,
/// quickly (fixed seeds, so a failure reproduces).
/// </summary>
public sealed class SnmpCodecFuzzTests
{
    private static readonly UsmLocalizedKeys ShaKeys = UsmLocalizedKeys.Create(
        new UsmUser("shauser", SnmpAuthProtocol.HmacSha1, "shapassword1", SnmpPrivProtocol.None, null),
        Convert.FromHexString("80001F88046E6574636F6E74726F6C"));

    private static readonly UsmLocalizedKeys AesKeys = UsmLocalizedKeys.Create(
        new UsmUser("aesuser", SnmpAuthProtocol.HmacSha1, "authpassword1", SnmpPrivProtocol.Aes128, "privpassword1"),
        Convert.FromHexString("80001F88046E6574636F6E74726F6C"));

    [Fact]
    public void Decode_RandomBytes_ThrowsOnlySnmpDecodeException()
    {
        var random = new Random(8);
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < 20_000; i++)
        {
            byte[] datagram = new byte[random.Next(0, 120)];
            random.NextBytes(datagram);
            if (datagram.Length > 2 && random.Next(2) == 0)
            {
                // a plausible start, so that decoding gets past the outer SEQUENCE more often
                datagram[0] = 0x30;
                datagram[1] = (byte)(datagram.Length - 2);
            }

            DecodeEveryWay(datagram, $"random case {i}");
        }

        // A hang detector, not a speed test: 20,000 decodes take seconds; a loaded CI machine has been seen at 75 s.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(180), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Decode_MutatedNetSnmpPackets_ThrowsOnlySnmpDecodeException()
    {
        var random = new Random(3417);
        var watch = Stopwatch.StartNew();
        int decoded = 0, rejected = 0;
        foreach (GoldenPacket packet in GoldenPackets.All)
        {
            for (int i = 0; i < 1500; i++)
            {
                byte[] mutant = Mutate(random, packet.Bytes);
                if (DecodeEveryWay(mutant, $"{packet.Name} mutation {i} ({Convert.ToHexString(mutant)})"))
                {
                    decoded++;
                }
                else
                {
                    rejected++;
                }
            }
        }

        Assert.True(decoded > 1000 && rejected > 1000, $"decoded {decoded}, rejected {rejected}: the mutations should exercise both paths");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Decode_MutatedRandomMessages_ThrowsOnlySnmpDecodeException()
    {
        var random = new Random(1157);
        for (int i = 0; i < 3000; i++)
        {
            byte[] datagram = i % 2 == 0 ? SnmpCodec.Encode(RandomMessages.V2c(random)) : SnmpCodec.EncodeV3Plain(RandomMessages.V3(random));
            DecodeEveryWay(Mutate(random, datagram), $"random message {i}");
        }
    }

    [Fact]
    public void Decode_HugeLengthFields_ThrowsSnmpDecodeException()
    {
        byte[][] cases =
        [
            [0x30, 0x84, 0xFF, 0xFF, 0xFF, 0xFF, 0x02, 0x01, 0x01],
            [0x30, 0x88, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02],
            [0x30, 0xFF],
            [0x30, 0x80, 0x02, 0x01, 0x01, 0x00, 0x00],
            [0x30, 0x03, 0x02, 0x84, 0x7F],
            [0x30, 0x06, 0x02, 0x01, 0x01, 0x04, 0x85],
        ];

        foreach (byte[] datagram in cases)
        {
            Assert.False(DecodeEveryWay(datagram, Convert.ToHexString(datagram)));
        }
    }

    /// <summary>Runs every decoder; true when at least one accepted the datagram. Fails on any exception but SnmpDecodeException.</summary>
    private static bool DecodeEveryWay(byte[] datagram, string description)
    {
        bool any = false;
        any |= Try(() => SnmpCodec.PeekVersion(datagram), description);
        any |= Try(() => SnmpCodec.DecodeV2c(datagram), description);
        any |= Try(() => SnmpCodec.DecodeV3(datagram, out _), description);
        any |= Try(() => SnmpV3Codec.Decode(datagram, user => user == "aesuser" ? AesKeys : user == "shauser" ? ShaKeys : null, out _), description);
        return any;
    }

    private static bool Try(Action decode, string description)
    {
        try
        {
            decode();
            return true;
        }
        catch (SnmpDecodeException ex)
        {
            Assert.False(string.IsNullOrWhiteSpace(ex.Message));
            Assert.DoesNotContain('\n', ex.Message);
            return false;
        }
        catch (Exception ex)
        {
            Assert.Fail($"{description}: {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}");
            return false;
        }
    }

    private static byte[] Mutate(Random random, byte[] original)
    {
        byte[] bytes = (byte[])original.Clone();
        int at = random.Next(bytes.Length);
        switch (random.Next(8))
        {
            case 0: // flip one to three bits
                for (int n = random.Next(1, 4); n > 0; n--)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                return bytes;
            case 1: // truncate
                return bytes[..at];
            case 2: // corrupt what may be a length byte
                bytes[at] = new byte[] { 0x00, 0x7F, 0x80, 0x81, 0x82, 0x84, 0x89, 0xFF, (byte)(bytes[at] + 1), (byte)(bytes[at] - 1) }[random.Next(10)];
                return bytes;
            case 3: // random byte
                bytes[at] = (byte)random.Next(256);
                return bytes;
            case 4: // delete a run
                return [.. bytes[..at], .. bytes[Math.Min(bytes.Length, at + random.Next(1, 4))..]];
            case 5: // insert random bytes
                byte[] insert = new byte[random.Next(1, 4)];
                random.NextBytes(insert);
                return [.. bytes[..at], .. insert, .. bytes[at..]];
            case 6: // duplicate a slice
                int length = random.Next(1, Math.Max(2, bytes.Length - at));
                return [.. bytes[..(at + Math.Min(length, bytes.Length - at))], .. bytes[at..]];
            default: // trailing garbage
                return [.. bytes, .. new byte[random.Next(1, 3)]];
        }
    }
}

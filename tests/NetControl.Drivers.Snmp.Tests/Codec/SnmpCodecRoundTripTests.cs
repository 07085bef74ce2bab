using System.Formats.Asn1;
using NetControl.Drivers.Snmp.Codec;
using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Drivers.Snmp.Tests.Codec;

/// <summary>Encode then decode gives the message back, and encoding again gives the same bytes (fixed seeds).</summary>
public sealed class SnmpCodecRoundTripTests
{
    [Fact]
    public void Encode_RandomV2cMessages_DecodeToEqualMessages()
    {
        var random = new Random(20261123);
        for (int i = 0; i < 5000; i++)
        {
            SnmpV2cMessage message = RandomMessages.V2c(random);

            byte[] datagram = SnmpCodec.Encode(message);
            SnmpV2cMessage decoded = SnmpCodec.DecodeV2c(datagram);

            Assert.True(message == decoded, $"case {i}: {message} decoded as {decoded}");
            Assert.Equal(datagram, SnmpCodec.Encode(decoded));
        }
    }

    [Fact]
    public void EncodeV3Plain_RandomV3Messages_DecodeToEqualMessages()
    {
        var random = new Random(3412);
        for (int i = 0; i < 3000; i++)
        {
            SnmpV3Message message = RandomMessages.V3(random);

            byte[] datagram = SnmpCodec.EncodeV3Plain(message);
            SnmpV3Message decoded = SnmpCodec.DecodeV3(datagram, out int authParamsOffset);

            Assert.True(message == decoded, $"case {i}: {message} decoded as {decoded}");
            Assert.Equal(datagram, SnmpCodec.EncodeV3Plain(decoded));
            Assert.True(datagram.AsSpan(authParamsOffset, message.Security.AuthenticationParameters.Length).SequenceEqual(message.Security.AuthenticationParameters.AsSpan()));
        }
    }

    [Fact]
    public void WritePdu_RandomPdus_ReadPduGivesThemBack()
    {
        var random = new Random(3416);
        for (int i = 0; i < 2000; i++)
        {
            SnmpPdu pdu = RandomMessages.Pdu(random);
            var writer = new AsnWriter(AsnEncodingRules.BER);

            SnmpCodec.WritePdu(writer, pdu);
            var reader = new AsnReader(writer.Encode(), AsnEncodingRules.BER);
            SnmpPdu decoded = SnmpCodec.ReadPdu(reader);

            Assert.Equal(pdu, decoded);
            Assert.False(reader.HasData);
        }
    }

    [Fact]
    public void PeekVersion_RandomMessages_NamesTheirVersion()
    {
        var random = new Random(1901);
        for (int i = 0; i < 200; i++)
        {
            Assert.Equal(SnmpVersion.V2c, SnmpCodec.PeekVersion(SnmpCodec.Encode(RandomMessages.V2c(random))));
            Assert.Equal(SnmpVersion.V3, SnmpCodec.PeekVersion(SnmpCodec.EncodeV3Plain(RandomMessages.V3(random))));
        }
    }
}

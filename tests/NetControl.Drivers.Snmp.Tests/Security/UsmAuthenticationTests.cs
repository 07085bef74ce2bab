using System.Text;
using NetControl.Drivers.Snmp.Security;
using static NetControl.Drivers.Snmp.Tests.Security.UsmTestVectors;

namespace NetControl.Drivers.Snmp.Tests.Security;

public sealed class UsmAuthenticationTests
{
    private static readonly byte[] Message = Encoding.ASCII.GetBytes("NetControl USM HMAC known-answer test message");

    [Theory]
    [InlineData(SnmpAuthProtocol.None, 0)]
    [InlineData(SnmpAuthProtocol.HmacSha1, 12)]
    [InlineData(SnmpAuthProtocol.HmacSha256, 24)]
    public void MacLength_Protocol_IsTruncatedLength(SnmpAuthProtocol auth, int expected)
    {
        Assert.Equal(expected, UsmAuthentication.MacLength(auth));
    }

    [Fact]
    public void MacLength_UnknownProtocol_Throws()
    {
        Assert.Throws<ArgumentException>(() => UsmAuthentication.MacLength((SnmpAuthProtocol)7));
    }

    // Expected MACs from Python: hmac.new(key, message, hashlib.sha1 / sha256).hexdigest(), first 24 / 48 digits.
    [Theory]
    [InlineData(SnmpAuthProtocol.HmacSha1, Sha1LocalizedKey, "55536026dfcd330969ee4333")]
    [InlineData(SnmpAuthProtocol.HmacSha256, Sha256LocalizedKey, "aa4855d3a44083810a570c65736aa76e7e70a7e7f189808f")]
    public void Compute_KnownKeyAndMessage_MatchesPythonHmac(SnmpAuthProtocol auth, string key, string expected)
    {
        byte[] mac = UsmAuthentication.Compute(auth, Hex.Bytes(key), Message);

        Assert.Equal(expected, Hex.Of(mac));
        Assert.Equal(UsmAuthentication.MacLength(auth), mac.Length);
    }

    [Theory]
    [InlineData(SnmpAuthProtocol.HmacSha1, Sha1LocalizedKey)]
    [InlineData(SnmpAuthProtocol.HmacSha256, Sha256LocalizedKey)]
    public void Verify_ComputedMac_True(SnmpAuthProtocol auth, string key)
    {
        byte[] mac = UsmAuthentication.Compute(auth, Hex.Bytes(key), Message);

        Assert.True(UsmAuthentication.Verify(auth, Hex.Bytes(key), Message, mac));
    }

    [Theory]
    [InlineData(SnmpAuthProtocol.HmacSha1, Sha1LocalizedKey)]
    [InlineData(SnmpAuthProtocol.HmacSha256, Sha256LocalizedKey)]
    public void Verify_AnyMessageBitFlipped_False(SnmpAuthProtocol auth, string key)
    {
        byte[] mac = UsmAuthentication.Compute(auth, Hex.Bytes(key), Message);

        for (int i = 0; i < Message.Length * 8; i += 13)
        {
            byte[] tampered = (byte[])Message.Clone();
            tampered[i / 8] ^= (byte)(1 << (i % 8));
            Assert.False(UsmAuthentication.Verify(auth, Hex.Bytes(key), tampered, mac));
        }
    }

    [Fact]
    public void Verify_MacByteFlipped_False()
    {
        byte[] key = Hex.Bytes(Sha256LocalizedKey);
        byte[] mac = UsmAuthentication.Compute(SnmpAuthProtocol.HmacSha256, key, Message);
        mac[^1] ^= 0x01;

        Assert.False(UsmAuthentication.Verify(SnmpAuthProtocol.HmacSha256, key, Message, mac));
    }

    [Fact]
    public void Verify_OtherKey_False()
    {
        byte[] mac = UsmAuthentication.Compute(SnmpAuthProtocol.HmacSha1, Hex.Bytes(Sha1LocalizedKey), Message);

        Assert.False(UsmAuthentication.Verify(SnmpAuthProtocol.HmacSha1, Hex.Bytes(NetSnmpSha1AuthKey), Message, mac));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(13)]
    [InlineData(20)]
    public void Verify_MacOfWrongLength_False(int length)
    {
        byte[] key = Hex.Bytes(Sha1LocalizedKey);
        byte[] full = UsmAuthentication.Compute(SnmpAuthProtocol.HmacSha1, key, Message);
        byte[] mac = new byte[length];
        full.AsSpan(0, Math.Min(length, full.Length)).CopyTo(mac);

        Assert.False(UsmAuthentication.Verify(SnmpAuthProtocol.HmacSha1, key, Message, mac));
    }

    [Fact]
    public void Verify_Sha256MacTruncatedToSha1Length_False()
    {
        byte[] key = Hex.Bytes(Sha256LocalizedKey);
        byte[] mac = UsmAuthentication.Compute(SnmpAuthProtocol.HmacSha256, key, Message);

        Assert.False(UsmAuthentication.Verify(SnmpAuthProtocol.HmacSha256, key, Message, mac[..12]));
    }

    [Fact]
    public void Compute_KeyOfWrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => UsmAuthentication.Compute(SnmpAuthProtocol.HmacSha256, Hex.Bytes(Sha1LocalizedKey), Message));
    }

    [Fact]
    public void Compute_NoAuth_Throws()
    {
        Assert.Throws<ArgumentException>(() => UsmAuthentication.Compute(SnmpAuthProtocol.None, [], Message));
    }
}

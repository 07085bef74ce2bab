using System.Security.Cryptography;
using System.Text;
using NetControl.Drivers.Snmp.Security;
using static NetControl.Drivers.Snmp.Tests.Security.UsmTestVectors;

namespace NetControl.Drivers.Snmp.Tests.Security;

public sealed class UsmKeysTests
{
    [Theory]
    [InlineData(SnmpAuthProtocol.HmacSha1, Sha1MasterKey)]
    [InlineData(SnmpAuthProtocol.HmacSha256, Sha256MasterKey)]
    public void PasswordToKey_Maplesyrup_MatchesVector(SnmpAuthProtocol auth, string expected)
    {
        Assert.Equal(Hex.Bytes(expected), UsmKeys.PasswordToKey(auth, Password));
    }

    [Theory]
    [InlineData(SnmpAuthProtocol.HmacSha1, Sha1MasterKey, Sha1LocalizedKey)]
    [InlineData(SnmpAuthProtocol.HmacSha256, Sha256MasterKey, Sha256LocalizedKey)]
    public void Localize_RfcEngineId_MatchesVector(SnmpAuthProtocol auth, string master, string expected)
    {
        Assert.Equal(Hex.Bytes(expected), UsmKeys.Localize(auth, Hex.Bytes(master), RfcEngineId));
    }

    [Theory]
    [InlineData(SnmpAuthProtocol.HmacSha1, NetSnmpSha1AuthKey)]
    [InlineData(SnmpAuthProtocol.HmacSha256, NetSnmpSha256AuthKey)]
    public void Localize_NetSnmpEngineId_MatchesSnmpdUsmUserKey(SnmpAuthProtocol auth, string expected)
    {
        byte[] key = UsmKeys.Localize(auth, UsmKeys.PasswordToKey(auth, Password), Hex.Bytes(NetSnmpEngineId));

        Assert.Equal(Hex.Bytes(expected), key);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(4097)]
    [InlineData(70_000)]
    public void PasswordToKey_AnyLength_MatchesNaiveExpansion(int length)
    {
        string password = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + (i * 7 % 26))));
        byte[] once = Encoding.UTF8.GetBytes(password);
        byte[] expanded = new byte[UsmKeys.ExpansionLength];
        for (int i = 0; i < expanded.Length; i++)
        {
            expanded[i] = once[i % once.Length];
        }

        Assert.Equal(SHA1.HashData(expanded), UsmKeys.PasswordToKey(SnmpAuthProtocol.HmacSha1, password));
        Assert.Equal(SHA256.HashData(expanded), UsmKeys.PasswordToKey(SnmpAuthProtocol.HmacSha256, password));
    }

    [Fact]
    public void PasswordToKey_NonAsciiPassword_HashesUtf8()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes("érable-sirop");
        byte[] expanded = new byte[UsmKeys.ExpansionLength];
        for (int i = 0; i < expanded.Length; i++)
        {
            expanded[i] = utf8[i % utf8.Length];
        }

        Assert.Equal(SHA1.HashData(expanded), UsmKeys.PasswordToKey(SnmpAuthProtocol.HmacSha1, "érable-sirop"));
    }

    [Fact]
    public void PasswordToKey_EmptyPassword_Throws()
    {
        Assert.Throws<ArgumentException>(() => UsmKeys.PasswordToKey(SnmpAuthProtocol.HmacSha1, string.Empty));
    }

    [Fact]
    public void PasswordToKey_NoAuth_Throws()
    {
        Assert.Throws<ArgumentException>(() => UsmKeys.PasswordToKey(SnmpAuthProtocol.None, Password));
    }

    [Theory]
    [InlineData(SnmpAuthProtocol.HmacSha1, 20)]
    [InlineData(SnmpAuthProtocol.HmacSha256, 32)]
    public void KeyLength_Protocol_IsDigestSize(SnmpAuthProtocol auth, int expected)
    {
        Assert.Equal(expected, UsmKeys.KeyLength(auth));
        Assert.Equal(expected, UsmKeys.PasswordToKey(auth, Password).Length);
    }

    [Fact]
    public void Localize_MasterKeyOfOtherProtocol_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            UsmKeys.Localize(SnmpAuthProtocol.HmacSha256, Hex.Bytes(Sha1MasterKey), RfcEngineId));

        Assert.Contains("32 octets", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(33)]
    public void Localize_EngineIdOutsideFiveToThirtyTwoOctets_Throws(int length)
    {
        Assert.Throws<ArgumentException>(() =>
            UsmKeys.Localize(SnmpAuthProtocol.HmacSha1, Hex.Bytes(Sha1MasterKey), new byte[length]));
    }
}

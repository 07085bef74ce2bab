using System.Security.Cryptography;
using System.Text;
using NetControl.Drivers.Snmp.Security;

namespace NetControl.Drivers.Snmp.Tests.Security;

public sealed class UsmPrivacyTests
{
    // Known answer from the OpenSSL CLI:
    //   printf 'The quick brown fox jumps over 13 dogs' | openssl enc -aes-128-cfb -nopad
    //     -K 000102030405060708090a0b0c0d0e0f -iv 0000000700000e10fedcba9876543210 | xxd -p
    // that is boots 7, time 3600, salt 0xfedcba9876543210; 38 octets, not a whole number of blocks.
    private static readonly byte[] Key = Hex.Bytes("000102030405060708090a0b0c0d0e0f");
    private static readonly byte[] Plaintext = Encoding.ASCII.GetBytes("The quick brown fox jumps over 13 dogs");
    private const string Ciphertext = "ceb1da1fb64dde98f12a933b21fdd32ba1a301c00a395f43b4ed6f5f7415d337140591758243";
    private const int Boots = 7;
    private const int Time = 3600;
    private const ulong Salt = 0xfedcba9876543210;

    [Fact]
    public void Encrypt_KnownKeyIvAndText_MatchesOpenssl()
    {
        byte[] ciphertext = UsmPrivacy.Encrypt(Key, Boots, Time, Salt, Plaintext, out byte[] privParameters);

        Assert.Equal(Ciphertext, Hex.Of(ciphertext));
        Assert.Equal("fedcba9876543210", Hex.Of(privParameters));
    }

    [Fact]
    public void Decrypt_KnownKeyIvAndText_MatchesOpenssl()
    {
        byte[] plaintext = UsmPrivacy.Decrypt(Key, Boots, Time, Hex.Bytes("fedcba9876543210"), Hex.Bytes(Ciphertext));

        Assert.Equal(Plaintext, plaintext);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(1500)]
    public void EncryptThenDecrypt_AnyLength_RoundTrips(int length)
    {
        byte[] plaintext = RandomNumberGenerator.GetBytes(length);

        byte[] ciphertext = UsmPrivacy.Encrypt(Key, 1, 42, 99, plaintext, out byte[] privParameters);

        Assert.Equal(length, ciphertext.Length);
        Assert.Equal(plaintext, UsmPrivacy.Decrypt(Key, 1, 42, privParameters, ciphertext));
    }

    [Fact]
    public void Decrypt_WrongKey_DifferentPlaintext()
    {
        byte[] ciphertext = UsmPrivacy.Encrypt(Key, Boots, Time, Salt, Plaintext, out byte[] privParameters);
        byte[] otherKey = (byte[])Key.Clone();
        otherKey[0] ^= 0x80;

        Assert.NotEqual(Plaintext, UsmPrivacy.Decrypt(otherKey, Boots, Time, privParameters, ciphertext));
    }

    [Fact]
    public void Decrypt_WrongEngineTime_DifferentPlaintext()
    {
        byte[] ciphertext = UsmPrivacy.Encrypt(Key, Boots, Time, Salt, Plaintext, out byte[] privParameters);

        Assert.NotEqual(Plaintext, UsmPrivacy.Decrypt(Key, Boots, Time + 1, privParameters, ciphertext));
    }

    [Fact]
    public void Encrypt_NextSalt_DifferentCiphertext()
    {
        byte[] first = UsmPrivacy.Encrypt(Key, Boots, Time, Salt, Plaintext, out _);
        byte[] second = UsmPrivacy.Encrypt(Key, Boots, Time, Salt + 1, Plaintext, out _);

        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(9)]
    [InlineData(16)]
    public void Decrypt_PrivParametersNotEightOctets_ThrowsCryptographicException(int length)
    {
        Assert.Throws<CryptographicException>(() => UsmPrivacy.Decrypt(Key, Boots, Time, new byte[length], Hex.Bytes(Ciphertext)));
    }

    [Fact]
    public void Encrypt_KeyLongerThan16_UsesFirst16Octets()
    {
        byte[] longKey = [.. Key, 0xAA, 0xBB, 0xCC, 0xDD];

        byte[] ciphertext = UsmPrivacy.Encrypt(longKey, Boots, Time, Salt, Plaintext, out _);

        Assert.Equal(Ciphertext, Hex.Of(ciphertext));
    }

    [Fact]
    public void Encrypt_KeyShorterThan16_Throws()
    {
        Assert.Throws<ArgumentException>(() => UsmPrivacy.Encrypt(Key[..15], Boots, Time, Salt, Plaintext, out _));
    }

    [Fact]
    public void Encrypt_NegativeBootsOrTime_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => UsmPrivacy.Encrypt(Key, -1, Time, Salt, Plaintext, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => UsmPrivacy.Encrypt(Key, Boots, -1, Salt, Plaintext, out _));
    }
}

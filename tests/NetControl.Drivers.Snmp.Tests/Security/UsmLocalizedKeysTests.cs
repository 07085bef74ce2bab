using NetControl.Drivers.Snmp.Security;
using static NetControl.Drivers.Snmp.Tests.Security.UsmTestVectors;

namespace NetControl.Drivers.Snmp.Tests.Security;

public sealed class UsmLocalizedKeysTests
{
    [Fact]
    public void Create_NetSnmpSha1AesUser_MatchesSnmpdKeys()
    {
        var user = new UsmUser(NetSnmpSha1User, SnmpAuthProtocol.HmacSha1, Password, SnmpPrivProtocol.Aes128, NetSnmpSha1PrivPassword);

        var keys = UsmLocalizedKeys.Create(user, Hex.Bytes(NetSnmpEngineId));

        Assert.Equal(NetSnmpSha1AuthKey, Hex.Of(keys.AuthKey));
        Assert.Equal(NetSnmpSha1PrivKey, Hex.Of(keys.PrivKey));
    }

    [Fact]
    public void Create_NetSnmpSha256AesUser_MatchesSnmpdKeys()
    {
        var user = new UsmUser(NetSnmpSha256User, SnmpAuthProtocol.HmacSha256, Password, SnmpPrivProtocol.Aes128, NetSnmpSha256PrivPassword);

        var keys = UsmLocalizedKeys.Create(user, Hex.Bytes(NetSnmpEngineId));

        Assert.Equal(NetSnmpSha256AuthKey, Hex.Of(keys.AuthKey));
        Assert.Equal(NetSnmpSha256PrivKey, Hex.Of(keys.PrivKey));
    }

    [Fact]
    public void Create_RfcEngine_AuthKeyIsRfc3414Vector()
    {
        var user = new UsmUser("rfc", SnmpAuthProtocol.HmacSha1, Password, SnmpPrivProtocol.Aes128, Password);

        var keys = UsmLocalizedKeys.Create(user, RfcEngineId);

        Assert.Equal(Hex.Bytes(Sha1LocalizedKey), keys.AuthKey);
        Assert.Equal(Hex.Bytes(Sha1LocalizedKey)[..16], keys.PrivKey);
        Assert.Equal(RfcEngineId, keys.EngineId.ToArray());
        Assert.Same(user, keys.User);
        Assert.Equal(SnmpAuthProtocol.HmacSha1, keys.Auth);
        Assert.Equal(SnmpPrivProtocol.Aes128, keys.Priv);
    }

    [Fact]
    public void Create_SameInputsTwice_SameKeys()
    {
        var user = new UsmUser("twice", SnmpAuthProtocol.HmacSha256, "twice-auth", SnmpPrivProtocol.Aes128, "twice-priv");

        var first = UsmLocalizedKeys.Create(user, RfcEngineId);
        var second = UsmLocalizedKeys.Create(user with { }, RfcEngineId);

        Assert.Equal(first.AuthKey, second.AuthKey);
        Assert.Equal(first.PrivKey, second.PrivKey);
        Assert.NotSame(first.AuthKey, second.AuthKey);
    }

    [Fact]
    public void Create_DifferentEngineIds_DifferentKeys()
    {
        var user = new UsmUser("engines", SnmpAuthProtocol.HmacSha1, Password, SnmpPrivProtocol.Aes128, "another-secret");

        var a = UsmLocalizedKeys.Create(user, RfcEngineId);
        var b = UsmLocalizedKeys.Create(user, Hex.Bytes(NetSnmpEngineId));

        Assert.NotEqual(a.AuthKey, b.AuthKey);
        Assert.NotEqual(a.PrivKey, b.PrivKey);
    }

    [Fact]
    public void Create_SamePasswordForAuthAndPriv_PrivKeyIsTruncatedAuthKey()
    {
        var user = new UsmUser("same", SnmpAuthProtocol.HmacSha256, Password, SnmpPrivProtocol.Aes128, Password);

        var keys = UsmLocalizedKeys.Create(user, RfcEngineId);

        Assert.Equal(Hex.Bytes(Sha256LocalizedKey), keys.AuthKey);
        Assert.Equal(keys.AuthKey[..16], keys.PrivKey);
    }

    [Fact]
    public void Create_NewPassword_CachesMasterKey()
    {
        string password = "cache-" + Guid.NewGuid().ToString("N");
        var user = new UsmUser("cached", SnmpAuthProtocol.HmacSha256, password, SnmpPrivProtocol.None, null);
        Assert.False(UsmMasterKeyCache.Contains(SnmpAuthProtocol.HmacSha256, password));

        var keys = UsmLocalizedKeys.Create(user, RfcEngineId);

        Assert.True(UsmMasterKeyCache.Contains(SnmpAuthProtocol.HmacSha256, password));
        Assert.Equal(UsmKeys.Localize(SnmpAuthProtocol.HmacSha256, UsmKeys.PasswordToKey(SnmpAuthProtocol.HmacSha256, password), RfcEngineId), keys.AuthKey);
    }

    [Fact]
    public void Create_AuthNoPriv_EmptyPrivKey()
    {
        var user = new UsmUser("authonly", SnmpAuthProtocol.HmacSha1, Password, SnmpPrivProtocol.None, null);

        var keys = UsmLocalizedKeys.Create(user, RfcEngineId);

        Assert.Equal(20, keys.AuthKey.Length);
        Assert.Empty(keys.PrivKey);
    }

    [Fact]
    public void Create_NoAuthUserDuringDiscovery_EmptyKeysAndEngineIdAccepted()
    {
        var user = new UsmUser("initial", SnmpAuthProtocol.None, null, SnmpPrivProtocol.None, null);

        var keys = UsmLocalizedKeys.Create(user, []);

        Assert.Empty(keys.AuthKey);
        Assert.Empty(keys.PrivKey);
        Assert.Empty(keys.EngineId);
    }

    [Fact]
    public void Create_AuthUserWithoutEngineId_Throws()
    {
        var user = new UsmUser("noengine", SnmpAuthProtocol.HmacSha1, Password, SnmpPrivProtocol.None, null);

        Assert.Throws<ArgumentException>(() => UsmLocalizedKeys.Create(user, []));
    }

    [Fact]
    public void Create_UserMadeInvalidWithWith_Throws()
    {
        var user = new UsmUser("altered", SnmpAuthProtocol.HmacSha1, Password, SnmpPrivProtocol.None, null);

        Assert.Throws<ArgumentException>(() => UsmLocalizedKeys.Create(user with { Priv = SnmpPrivProtocol.Aes128 }, RfcEngineId));
    }

    [Fact]
    public void ToString_NeverShowsKeysOrPasswords()
    {
        var user = new UsmUser("shown", SnmpAuthProtocol.HmacSha1, Password, SnmpPrivProtocol.Aes128, "hidden-priv");
        var keys = UsmLocalizedKeys.Create(user, RfcEngineId);

        string text = keys.ToString();

        Assert.Contains("shown", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Hex.Of(keys.AuthKey), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Hex.Of(keys.PrivKey), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
    }
}

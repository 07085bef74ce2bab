using NetControl.Drivers.Snmp.Security;

namespace NetControl.Drivers.Snmp.Tests.Security;

public sealed class UsmUserTests
{
    [Fact]
    public void Constructor_NoAuthNoPriv_Accepted()
    {
        var user = new UsmUser("public", SnmpAuthProtocol.None, null, SnmpPrivProtocol.None, null);

        Assert.Equal("public", user.Name);
    }

    [Fact]
    public void Constructor_AuthPriv_KeepsEverything()
    {
        var user = new UsmUser("ops", SnmpAuthProtocol.HmacSha256, "auth-secret", SnmpPrivProtocol.Aes128, "priv-secret");

        Assert.Equal(("ops", SnmpAuthProtocol.HmacSha256, "auth-secret", SnmpPrivProtocol.Aes128, "priv-secret"),
            (user.Name, user.Auth, user.AuthPassword, user.Priv, user.PrivPassword));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("seven77")]
    public void Constructor_AuthPasswordMissingOrShort_Throws(string? password)
    {
        var ex = Assert.Throws<ArgumentException>(() => new UsmUser("u", SnmpAuthProtocol.HmacSha1, password, SnmpPrivProtocol.None, null));

        Assert.Equal("AuthPassword", ex.ParamName);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("short")]
    public void Constructor_PrivPasswordMissingOrShort_Throws(string? password)
    {
        var ex = Assert.Throws<ArgumentException>(() => new UsmUser("u", SnmpAuthProtocol.HmacSha1, "long-enough", SnmpPrivProtocol.Aes128, password));

        Assert.Equal("PrivPassword", ex.ParamName);
    }

    [Fact]
    public void Constructor_PrivWithoutAuth_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new UsmUser("u", SnmpAuthProtocol.None, null, SnmpPrivProtocol.Aes128, "long-enough"));

        Assert.Contains("needs an authentication protocol", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_PasswordOfNoneProtocol_Ignored()
    {
        var user = new UsmUser("u", SnmpAuthProtocol.HmacSha1, "long-enough", SnmpPrivProtocol.None, "x");

        Assert.Equal(SnmpPrivProtocol.None, user.Priv);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")] // 33 octets
    [InlineData("ééééééééééééééééé")] // 17 characters, 34 octets of UTF-8
    public void Constructor_NameEmptyOrOver32Octets_Throws(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => new UsmUser(name, SnmpAuthProtocol.None, null, SnmpPrivProtocol.None, null));

        Assert.Equal("Name", ex.ParamName);
    }

    [Fact]
    public void Constructor_UnknownProtocol_Throws()
    {
        Assert.Throws<ArgumentException>(() => new UsmUser("u", (SnmpAuthProtocol)9, "long-enough", SnmpPrivProtocol.None, null));
        Assert.Throws<ArgumentException>(() => new UsmUser("u", SnmpAuthProtocol.HmacSha1, "long-enough", (SnmpPrivProtocol)9, "long-enough"));
    }

    [Fact]
    public void Validate_AlteredWithWith_Throws()
    {
        var user = new UsmUser("u", SnmpAuthProtocol.HmacSha1, "long-enough", SnmpPrivProtocol.None, null);

        Assert.Throws<ArgumentException>(() => UsmUser.Validate(user with { AuthPassword = "short" }));
    }

    [Fact]
    public void ToString_NeverShowsPasswords()
    {
        var user = new UsmUser("ops", SnmpAuthProtocol.HmacSha256, "auth-secret", SnmpPrivProtocol.Aes128, "priv-secret");

        string text = user.ToString();

        Assert.Equal("UsmUser { Name = ops, Auth = HmacSha256, Priv = Aes128 }", text);
    }
}

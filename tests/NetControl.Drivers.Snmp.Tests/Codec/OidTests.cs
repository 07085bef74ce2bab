using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Drivers.Snmp.Tests.Codec;

/// <summary><see cref="Oid"/>: validity, numeric ordering and subtree membership.</summary>
public sealed class OidTests
{
    [Theory]
    [InlineData("1.3.6.1.2.1.1.1.0", true)]
    [InlineData("0.0", true)]
    [InlineData("1.39", true)]
    [InlineData("2.999.1", true)]
    [InlineData("1.3.6.4294967295", true)]
    [InlineData("1.3.6.4294967296", false)]
    [InlineData("1.40", false)]
    [InlineData("3.1", false)]
    [InlineData("1", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData(".1.3.6", false)]
    [InlineData("1.3.6.", false)]
    [InlineData("1..3", false)]
    [InlineData("1.03", false)]
    [InlineData("1.3.-6", false)]
    [InlineData("1.3.+6", false)]
    [InlineData("1.3. 6", false)]
    [InlineData("1.3.٣", false)]
    public void IsValid_Text_AcceptsCanonicalDottedDecimal(string? oid, bool valid)
    {
        Assert.Equal(valid, Oid.IsValid(oid));
    }

    [Fact]
    public void IsValid_ArcCount_LimitedTo128()
    {
        Assert.True(Oid.IsValid(string.Join('.', Enumerable.Repeat("1", 128))));
        Assert.False(Oid.IsValid(string.Join('.', Enumerable.Repeat("1", 129))));
    }

    [Theory]
    [InlineData("1.3.6.1", "1.3.6.1", 0)]
    [InlineData("1.3.6.1", "1.3.6.1.0", -1)]
    [InlineData("1.3.6.2", "1.3.6.10", -1)]
    [InlineData("1.3.6.10", "1.3.6.9.1", 1)]
    [InlineData("1.3.6.4294967295", "1.3.6.4294967294", 1)]
    [InlineData("2.1", "1.39.5", 1)]
    public void Compare_Oids_NumericArcByArc(string a, string b, int expected)
    {
        Assert.Equal(expected, Math.Sign(Oid.Compare(a, b)));
        Assert.Equal(-expected, Math.Sign(Oid.Compare(b, a)));
    }

    [Fact]
    public void Compare_Sorting_MatchesWalkOrder()
    {
        string[] oids = ["1.3.6.1.2.1.2.2.1.10.1", "1.3.6.1.2.1.2.2.1.2.10", "1.3.6.1.2.1.2.2.1.2.9", "1.3.6.1.2.1.2.2.1.2", "1.3.6.1.2.1.1.1.0"];

        Assert.Equal(
            ["1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.2.2.1.2", "1.3.6.1.2.1.2.2.1.2.9", "1.3.6.1.2.1.2.2.1.2.10", "1.3.6.1.2.1.2.2.1.10.1"],
            oids.Order(Comparer<string>.Create(Oid.Compare)));
    }

    [Fact]
    public void Compare_NotAnOid_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Oid.Compare("1.3.x", "1.3.6"));
    }

    [Theory]
    [InlineData("1.3.6.1.2.1.2.2.1.2.1", "1.3.6.1.2.1.2.2.1.2", true)]
    [InlineData("1.3.6.1.2.1.2.2.1.2", "1.3.6.1.2.1.2.2.1.2", true)]
    [InlineData("1.3.6.1.2.1.2.2.1.20", "1.3.6.1.2.1.2.2.1.2", false)]
    [InlineData("1.3.6.1.2.1.2.2.1", "1.3.6.1.2.1.2.2.1.2", false)]
    [InlineData("1.3.61", "1.3.6", false)]
    public void IsUnder_Oid_ArcWisePrefix(string oid, string prefix, bool expected)
    {
        Assert.Equal(expected, Oid.IsUnder(oid, prefix));
    }
}

using NetControl.Core.Units;

namespace NetControl.Core.Tests.Units;

public class DataRateTests
{
    [Theory]
    [InlineData("10G", 10e9)]
    [InlineData("2.5 Gb/s", 2.5e9)]
    [InlineData("622Mbps", 622e6)]
    [InlineData("100000", 100000)]
    [InlineData("9953280000", 9_953_280_000)]
    [InlineData("1e9", 1e9)]
    [InlineData("1.5e3 kbit/s", 1.5e6)]
    [InlineData(" 10 gbit/s ", 10e9)]
    [InlineData("40 Tb/s", 40e12)]
    [InlineData("64kbps", 64e3)]
    [InlineData("0", 0)]
    [InlineData("0G", 0)]
    [InlineData("100 bits/s", 100)]
    [InlineData("100b", 100)]
    [InlineData("1 M", 1e6)]
    [InlineData("1.25 GB/s", 10e9)]
    [InlineData("125MBps", 1e9)]
    [InlineData("1 B/s", 8)]
    public void Parse_AcceptedSpellings_GiveBitsPerSecond(string text, double bitsPerSecond)
    {
        Assert.Equal(bitsPerSecond, DataRate.Parse(text).BitsPerSecond);
        Assert.True(DataRate.TryParse(text, out var rate, out string error));
        Assert.Equal(bitsPerSecond, rate.BitsPerSecond);
        Assert.Empty(error);
    }

    [Theory]
    [InlineData("", "empty data rate")]
    [InlineData("   ", "empty data rate")]
    [InlineData(null, "empty data rate")]
    [InlineData("fast", "'fast' is not a data rate (expected a number with an optional unit, e.g. 10G, 2.5 Gb/s, 622Mbps)")]
    [InlineData("G10", "is not a data rate")]
    [InlineData("1-2G", "is not a data rate")]
    [InlineData(".G", "is not a data rate")]
    [InlineData("10e", "'10e' has an unknown unit 'e'")]
    [InlineData("10 furlongs", "has an unknown unit 'furlongs'")]
    [InlineData("10 bytes", "has an unknown unit 'bytes'")]
    [InlineData("-1G", "'-1G' is not a data rate (it must be finite and non-negative)")]
    [InlineData("1e400", "it must be finite and non-negative")]
    [InlineData("1e300T", "it must be finite and non-negative")]
    public void TryParse_Rejected_SaysWhy(string? text, string message)
    {
        Assert.False(DataRate.TryParse(text, out var rate, out string error));
        Assert.Equal(DataRate.Zero, rate);
        Assert.Contains(message, error, StringComparison.Ordinal);
        if (text is not null)
        {
            Assert.Equal(error, Assert.Throws<FormatException>(() => DataRate.Parse(text)).Message);
        }
    }

    [Theory]
    [InlineData(10e9, "10 Gb/s")]
    [InlineData(2.5e9, "2.5 Gb/s")]
    [InlineData(622e6, "622 Mb/s")]
    [InlineData(9_953_280_000, "9.953 Gb/s")]
    [InlineData(40e12, "40 Tb/s")]
    [InlineData(999, "999 b/s")]
    [InlineData(0, "0 b/s")]
    public void ToString_UsesTheLargestWholePrefix(double bitsPerSecond, string expected)
    {
        Assert.Equal(expected, new DataRate(bitsPerSecond).ToString());
    }

    [Theory]
    [InlineData("10 Gb/s")]
    [InlineData("622 Mb/s")]
    [InlineData("40 Tb/s")]
    public void ToString_ParsesBack(string text)
    {
        Assert.Equal(text, DataRate.Parse(text).ToString());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_NotAFiniteNonNegativeRate_Throws(double bitsPerSecond)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataRate(bitsPerSecond));
    }

    [Fact]
    public void Arithmetic_AndComparisons_WorkOnBitsPerSecond()
    {
        var ten = DataRate.FromGbps(10);
        var one = DataRate.FromMbps(1000);
        Assert.Equal(DataRate.FromGbps(11), ten + one);
        Assert.Equal(DataRate.FromGbps(9), ten - one);
        Assert.Equal(DataRate.Zero, one - ten);
        var alsoOne = DataRate.FromGbps(1);
        Assert.True(one < ten && ten > one && one <= alsoOne && alsoOne >= one && !(ten <= one));
        Assert.True(one.CompareTo(ten) < 0);
        Assert.Equal(10, ten.Gbps);
        Assert.Equal(new[] { one, ten }, new[] { ten, one }.Order());
    }
}

using System.Collections.Immutable;
using NetControl.Drivers.Snmp.Security;
using NetControl.Tests.Shared;

namespace NetControl.Drivers.Snmp.Tests.Security;

public sealed class UsmEngineTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public void CreateEngineId_Text_MatchesNetSnmpEngineIdDirective()
    {
        var id = UsmEngine.CreateEngineId("netcontrol-test");

        Assert.Equal(UsmTestVectors.NetSnmpEngineId, Hex.Of(id.AsSpan()));
    }

    [Fact]
    public void CreateEngineId_Octets_UsesFormatFive()
    {
        var id = UsmEngine.CreateEngineId([0x02, 0x42, 0xac, 0x11, 0x00, 0x02]);

        Assert.Equal("80001f88050242ac110002", Hex.Of(id.AsSpan()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abcdefghijklmnopqrstuvwxyz01")] // 28
    [InlineData("tab\there")]
    [InlineData("érable")]
    public void CreateEngineId_BadText_Throws(string text)
    {
        Assert.Throws<ArgumentException>(() => UsmEngine.CreateEngineId(text));
    }

    [Fact]
    public void CreateEngineId_LongestText_Is32Octets()
    {
        var id = UsmEngine.CreateEngineId(new string('x', UsmEngine.MaxSuffixLength));

        Assert.Equal(32, id.Length);
    }

    [Fact]
    public void CreateEngineId_NoOrTooManyOctets_Throws()
    {
        Assert.Throws<ArgumentException>(() => UsmEngine.CreateEngineId(ReadOnlySpan<byte>.Empty));
        Assert.Throws<ArgumentException>(() => UsmEngine.CreateEngineId(new byte[28].AsSpan()));
    }

    [Fact]
    public void Time_FollowsTimeProviderInWholeSeconds()
    {
        var engine = new UsmEngine(UsmEngine.CreateEngineId("agent"), 7, _clock);

        Assert.Equal((7, 0), (engine.Boots, engine.Time));
        _clock.Advance(TimeSpan.FromSeconds(41.7));
        Assert.Equal((7, 41), engine.Now());
    }

    [Fact]
    public void Now_TimePastMax_BootsIncrementAndTimeWraps()
    {
        var engine = new UsmEngine(UsmEngine.CreateEngineId("agent"), 7, _clock);

        _clock.Advance(TimeSpan.FromSeconds(int.MaxValue + 5L));

        Assert.Equal((8, 5), engine.Now());
    }

    [Fact]
    public void IsInWindow_AgainstCurrentTime()
    {
        var engine = new UsmEngine(UsmEngine.CreateEngineId("agent"), 2, _clock);
        _clock.Advance(TimeSpan.FromSeconds(1000));

        Assert.True(engine.IsInWindow(2, 1100));
        Assert.False(engine.IsInWindow(2, 1151));
        Assert.False(engine.IsInWindow(1, 1000));
    }

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => new UsmEngine(ImmutableArray.Create<byte>(1, 2, 3, 4), 1, _clock));
        Assert.Throws<ArgumentException>(() => new UsmEngine(default, 1, _clock));
        Assert.Throws<ArgumentOutOfRangeException>(() => new UsmEngine(UsmEngine.CreateEngineId("agent"), -1, _clock));
        Assert.Throws<ArgumentNullException>(() => new UsmEngine(UsmEngine.CreateEngineId("agent"), 1, null!));
    }

    [Fact]
    public void EngineId_AsGiven()
    {
        var id = UsmEngine.CreateEngineId("agent");

        Assert.Equal(id, new UsmEngine(id, 1, _clock).EngineId);
    }
}

using NetControl.Core.Devices;
using NetControl.Drivers.Tl1.Alarms;

namespace NetControl.Drivers.Tl1.Tests.Alarms;

public sealed class Tl1AlarmLineTests
{
    private static readonly DateTime Header = new(2026, 11, 23, 12, 0, 5);

    [Fact]
    public void Parse_CalientLossOfLight_AllFields()
    {
        var alarm = Tl1AlarmLine.Parse("CIT-PXC", "1.1a.2:CR,LOS,SA,11-23,12-00-01:\"Loss of light\"", Header);

        Assert.Equal(new DeviceAlarm("CIT-PXC", "1.1a.2", "LOS", AlarmSeverity.Critical, true, new DateTimeOffset(2026, 11, 23, 12, 0, 1, TimeSpan.Zero), "Loss of light"), alarm);
    }

    [Fact]
    public void Parse_ClearWithLocationAndDirection_ClearedNotServiceAffecting()
    {
        var alarm = Tl1AlarmLine.Parse("X", "10.13a.1:CL,LOS,NSA,11-23,11-59-00,NEND,RCV", Header);

        Assert.True(alarm.IsCleared);
        Assert.False(alarm.ServiceAffecting);
        Assert.Null(alarm.Description);
    }

    [Fact]
    public void Parse_DecemberAlarmReportedInJanuary_BelongsToThePreviousYear()
    {
        var alarm = Tl1AlarmLine.Parse("X", "p:MJ,LOS,SA,12-31,23-59-59", new DateTime(2027, 1, 1, 0, 0, 2));

        Assert.Equal(new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.Zero), alarm.OccurredAt);
    }

    [Fact]
    public void Parse_NoDateFields_UsesTheHeaderTime()
    {
        var alarm = Tl1AlarmLine.Parse("X", "p:MN,LOS,SA", Header);

        Assert.Equal(new DateTimeOffset(Header, TimeSpan.Zero), alarm.OccurredAt);
    }

    [Theory]
    [InlineData("no colon at all", "without 'aid:'")]
    [InlineData("p:CR,LOS", "at least ntfcncde,condtype,srveff")]
    [InlineData("p:XX,LOS,SA", "unknown notification code 'XX'")]
    public void Parse_Malformed_FormatExceptionSaysWhat(string line, string expected)
    {
        var error = Assert.Throws<FormatException>(() => Tl1AlarmLine.Parse("X", line, Header));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_ThenParse_RoundTrips()
    {
        var alarm = new DeviceAlarm("S", "1.1a.1", "LOS", AlarmSeverity.Major, true, new DateTimeOffset(2026, 11, 23, 8, 7, 6, TimeSpan.Zero), "Loss of light");

        string line = Tl1AlarmLine.Format(alarm);

        Assert.Equal("1.1a.1:MJ,LOS,SA,11-23,08-07-06:\"Loss of light\"", line);
        Assert.Equal(alarm, Tl1AlarmLine.Parse("S", line, Header));
    }
}

using NetControl.Core.Devices;
using NetControl.Drivers.Tl1.Alarms;
using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Drivers.Tl1.Tests.Codec;

/// <summary>The quoted lines of the PROTOCOLS.md samples, parsed from the messages the parser read, down to their named values.</summary>
public sealed class Tl1SampleLineTests
{
    [Fact]
    public void Parse_CalientRtrvDetEqpt_InputAndOutputPower()
    {
        var p = Parameters("calient-rtrv-det-eqpt", 0, out string aid);

        Assert.Equal("10.13a.1", aid);
        Assert.Equal("-3.2", p["INOPTICALPOWER"]);
        Assert.Equal("-4.1", p["OUTOPTICALPOWERWORKING"]);
    }

    [Fact]
    public void Parse_GlimmerglassRtrvCfgFiber_PortDirectionAndHealth()
    {
        var input = Parameters("glimmerglass-rtrv-cfg-fiber", 0, out _);
        var output = Parameters("glimmerglass-rtrv-cfg-fiber", 1, out _);

        Assert.Equal(("10001", "", "input", "good"), (input["PORTID"], input["PORTNAME"], input["PORTDIR"], input["PORTHEALTH"]));
        Assert.Equal(("20001", "output"), (output["PORTID"], output["PORTDIR"]));
    }

    [Fact]
    public void Parse_GlimmerglassSingle_UnconnectedOutputZero()
    {
        var p = Parameters("glimmerglass-rtrv-crs-fiber-single", 0, out _);

        Assert.Equal(("10003", "0", "single"), (p["IPORTID"], p["OPORTID"], p["CONNSTATE"]));
    }

    [Fact]
    public void Parse_AlarmWithLocationAndDirection_ReadAsAnAlarm()
    {
        var message = Assert.IsType<Tl1AutonomousMessage>(Assert.Single(Tl1Feeds.Messages(Tl1Samples.Get("rept-alm-los-location-direction").Text).Items));

        var alarm = Tl1AlarmLine.Parse("PXC-1", Assert.Single(message.Lines), message.Header.Timestamp);

        Assert.Equal(("10.13a.1", "LOS", AlarmSeverity.Major, true), (alarm.Entity, alarm.Condition, alarm.Severity, alarm.ServiceAffecting));
        Assert.Equal("Loss of light", alarm.Description);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 14, 2, 11, TimeSpan.Zero), alarm.OccurredAt);
    }

    [Fact]
    public void Parse_CalientRtrvAlmAll_ReadAsAnActiveAlarm()
    {
        var response = Assert.IsType<Tl1Response>(Assert.Single(Tl1Feeds.Messages(Tl1Samples.Get("calient-rtrv-alm-all").Text).Items));

        var alarm = Tl1AlarmLine.Parse("PXC-1", Assert.Single(response.Lines), response.Header.Timestamp);

        Assert.Equal(("10.13a.1", AlarmSeverity.Critical), (alarm.Entity, alarm.Severity));
    }

    private static Tl1Parameters Parameters(string sample, int line, out string aid)
    {
        var response = Assert.IsType<Tl1Response>(Assert.Single(Tl1Feeds.Messages(Tl1Samples.Get(sample).Text).Items));
        var blocks = Tl1Parameters.SplitBlocks(response.Lines[line]);
        aid = blocks[0];
        return Tl1Parameters.Parse(blocks[1]);
    }
}

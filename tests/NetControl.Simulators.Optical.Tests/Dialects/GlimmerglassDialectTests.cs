using NetControl.Simulators.Optical.Dialects;
using NetControl.Simulators.Optical.Model;
using NetControl.Simulators.Optical.Tests.Support;

namespace NetControl.Simulators.Optical.Tests.Dialects;

public sealed class GlimmerglassDialectTests : IDisposable
{
    private readonly AgentHarness _gg = new(Networks.SimulateUslhcnet(), "GVA-GG");

    public void Dispose() => _gg.Dispose();

    [Fact]
    public void Dialect_Glimmerglass_EchoesAndPrompts()
    {
        Assert.Equal(SwitchDialect.Glimmerglass, _gg.Agent.Dialect.Kind);
        Assert.True(_gg.Agent.Dialect.EchoesInput);
        Assert.Equal("<", _gg.Agent.Dialect.Prompt);
    }

    [Fact]
    public void EntCrsFiber_Simplex_ConnectsAndRetrieveShowsSteadyWithPower()
    {
        _gg.Completed("ENT-CRS-FIBER::10001,20005:2;");

        Assert.Equal([new SwitchConnection("10001", "20005")], _gg.Switch.Connections);
        _gg.Completed(
            "RTRV-CRS-FIBER::10001:3;",
            "GGN:IPORTID=10001,IPORTNAME=,OPORTID=20005,OPORTNAME=,CONNID=0,CONNSTATE=steady,CONNCAUSE=,INPWR=-0.6,OUTPWR=-2.1,PWRLOSS=1.5,CONNLOCK=0,CONNLOCKUSER=");
    }

    [Fact]
    public void EntCrsFiber_DuplexAmpersandForm_ConnectsBothDirections()
    {
        _gg.Completed("ENT-CRS-FIBER::10001&10005,20005&20001:2;");

        Assert.Equal([new SwitchConnection("10001", "20005"), new SwitchConnection("10005", "20001")], _gg.Switch.Connections);
        var lines = _gg.Lines("RTRV-CRS-FIBER::10001&10005:3;");
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Contains("CONNSTATE=steady", l, StringComparison.Ordinal));
    }

    [Fact]
    public void EntCrsFiber_Ranges_ConnectByPosition()
    {
        _gg.Completed("ENT-CRS-FIBER::10007&&10009,20010&&20012:2;");

        Assert.Equal(
            [new SwitchConnection("10007", "20010"), new SwitchConnection("10008", "20011"), new SwitchConnection("10009", "20012")],
            _gg.Switch.Connections);
    }

    [Fact]
    public void EntCrsFiber_InjectedLightOnUnlinkedPort_ShowsInAndOutPower()
    {
        _gg.Network.InjectLight("GVA-GG", "10007", -3);

        _gg.Completed("ENT-CRS-FIBER::10007,20008:2;");

        _gg.Completed(
            "RTRV-CRS-FIBER::10007:3;",
            "GGN:IPORTID=10007,IPORTNAME=,OPORTID=20008,OPORTNAME=,CONNID=0,CONNSTATE=steady,CONNCAUSE=,INPWR=-3.0,OUTPWR=-4.5,PWRLOSS=1.5,CONNLOCK=0,CONNLOCKUSER=");
    }

    [Theory]
    [InlineData("ENT-CRS-FIBER:::2;", "IBMS")]
    [InlineData("ENT-CRS-FIBER::10001:2;", "IIAC")]
    [InlineData("ENT-CRS-FIBER::10099,20001:2;", "IIAC")]
    [InlineData("ENT-CRS-FIBER::20001,10001:2;", "IIAC")]
    [InlineData("ENT-CRS-FIBER::10001,10002:2;", "IIAC")]
    [InlineData("ENT-CRS-FIBER::10001&10002,20001:2;", "IIAC")]
    [InlineData("ENT-CRS-FIBER::10001&,20001:2;", "IIAC")]
    [InlineData("ENT-CRS-FIBER::10004&&10001,20001&&20004:2;", "IIAC")]
    [InlineData("ENT-CRS-FIBER::10001,20001,20002:2;", "IIAC")]
    public void EntCrsFiber_BadAid_Denied(string command, string code)
    {
        _gg.Denied(command, code);

        Assert.Empty(_gg.Switch.Connections);
    }

    [Theory]
    [InlineData("ENT-CRS-FIBER::10003,20003:9::FOO=1;")]
    [InlineData("DLT-CRS-FIBER::10003:9::,X;")]
    [InlineData("RTRV-CRS-FIBER::all:9::FOO;")]
    public void Command_UnknownPayloadParameter_DeniedIpnvAndNothingChanges(string command)
    {
        _gg.Denied(command, "IPNV");

        Assert.Empty(_gg.Switch.Connections);
    }

    [Fact]
    public void EntCrsFiber_InputAlreadyConnected_DeniedSrac()
    {
        _gg.Completed("ENT-CRS-FIBER::10001,20005:2;");

        _gg.Denied("ENT-CRS-FIBER::10001,20006:3;", "SRAC");
        _gg.Denied("ENT-CRS-FIBER::10002,20005:4;", "SRAC");
    }

    [Fact]
    public void EntCrsFiber_DuplexWithConflict_ConnectsNothing()
    {
        _gg.Denied("ENT-CRS-FIBER::10007&10008,20010&20010:2;", "SRAC");

        Assert.Empty(_gg.Switch.Connections);
    }

    [Fact]
    public void DltCrsFiber_ByInputAlone_Disconnects()
    {
        _gg.Completed("ENT-CRS-FIBER::10001,20005:2;");

        _gg.Completed("DLT-CRS-FIBER::10001:3;");

        Assert.Empty(_gg.Switch.Connections);
    }

    [Fact]
    public void DltCrsFiber_Pair_Disconnects()
    {
        _gg.Completed("ENT-CRS-FIBER::10001,20005:2;");

        _gg.Completed("DLT-CRS-FIBER::10001,20005:3;");

        Assert.Empty(_gg.Switch.Connections);
    }

    [Fact]
    public void DltCrsFiber_DuplexForm_DisconnectsBoth()
    {
        _gg.Completed("ENT-CRS-FIBER::10001&10005,20005&20001:2;");

        _gg.Completed("DLT-CRS-FIBER::10001&10005,20005&20001:3;");

        Assert.Empty(_gg.Switch.Connections);
    }

    [Theory]
    [InlineData("DLT-CRS-FIBER::10003:3;", "IDNV")]
    [InlineData("DLT-CRS-FIBER::10001,20009:3;", "IDNV")]
    [InlineData("DLT-CRS-FIBER::20005:3;", "IIAC")]
    [InlineData("DLT-CRS-FIBER::10077:3;", "IIAC")]
    [InlineData("DLT-CRS-FIBER:::3;", "IBMS")]
    [InlineData("DLT-CRS-FIBER::10001&10003:3;", "IDNV")]
    public void DltCrsFiber_BadTarget_DeniedAndKeepsConnection(string command, string code)
    {
        _gg.Completed("ENT-CRS-FIBER::10001,20005:2;");

        _gg.Denied(command, code);

        Assert.Single(_gg.Switch.Connections);
    }

    [Fact]
    public void RtrvCrsFiber_All_OneLinePerInputSingleWhenUnconnected()
    {
        _gg.Completed("ENT-CRS-FIBER::10002,20003:2;");

        var lines = _gg.Lines("RTRV-CRS-FIBER::all:3;");

        Assert.Equal(16, lines.Count);
        Assert.Equal(
            "GGN:IPORTID=10001,IPORTNAME=,OPORTID=0,OPORTNAME=,CONNID=0,CONNSTATE=single,CONNCAUSE=,INPWR=-0.6,OUTPWR=,PWRLOSS=,CONNLOCK=0,CONNLOCKUSER=",
            lines[0]);
        Assert.Equal(
            "GGN:IPORTID=10002,IPORTNAME=,OPORTID=20003,OPORTNAME=,CONNID=0,CONNSTATE=steady,CONNCAUSE=,INPWR=-60.0,OUTPWR=-60.0,PWRLOSS=0.0,CONNLOCK=0,CONNLOCKUSER=",
            lines[1]);
        Assert.Equal(
            "GGN:IPORTID=10016,IPORTNAME=,OPORTID=0,OPORTNAME=,CONNID=0,CONNSTATE=single,CONNCAUSE=,INPWR=-60.0,OUTPWR=,PWRLOSS=,CONNLOCK=0,CONNLOCKUSER=",
            lines[15]);
    }

    [Fact]
    public void RtrvCrsFiber_OutputPort_NamesTheConnectionIntoIt()
    {
        _gg.Completed("ENT-CRS-FIBER::10001,20005:2;");

        _gg.Completed(
            "RTRV-CRS-FIBER::20005&20006:3;",
            "GGN:IPORTID=10001,IPORTNAME=,OPORTID=20005,OPORTNAME=,CONNID=0,CONNSTATE=steady,CONNCAUSE=,INPWR=-0.6,OUTPWR=-2.1,PWRLOSS=1.5,CONNLOCK=0,CONNLOCKUSER=",
            "GGN:IPORTID=0,IPORTNAME=,OPORTID=20006,OPORTNAME=,CONNID=0,CONNSTATE=single,CONNCAUSE=,INPWR=,OUTPWR=-60.0,PWRLOSS=,CONNLOCK=0,CONNLOCKUSER=");
    }

    [Fact]
    public void RtrvCrsFiber_FailedMirror_ShowsFaultAndNoOutput()
    {
        _gg.Completed("ENT-CRS-FIBER::10001,20005:2;");
        _gg.Switch.Faults.FailMirror("10001");

        _gg.Completed(
            "RTRV-CRS-FIBER::10001:3;",
            "GGN:IPORTID=10001,IPORTNAME=,OPORTID=20005,OPORTNAME=,CONNID=0,CONNSTATE=fault,CONNCAUSE=,INPWR=-0.6,OUTPWR=-60.0,PWRLOSS=59.4,CONNLOCK=0,CONNLOCKUSER=");
    }

    [Fact]
    public void RtrvCrsFiber_UnknownPort_DeniedIiac()
    {
        _gg.Denied("RTRV-CRS-FIBER::30001:3;", "IIAC");
    }

    [Fact]
    public void RtrvPortPower_Ports_InputReceivedOutputTransmitted()
    {
        _gg.Completed("ENT-CRS-FIBER::10001,20005:2;");

        _gg.Completed(
            "RTRV-PORT-POWER::10001&20005&10002:3;",
            "GGN:PORTID=10001,PORTPOWER=-0.6",
            "GGN:PORTID=20005,PORTPOWER=-2.1",
            "GGN:PORTID=10002,PORTPOWER=-60.0");
    }

    [Theory]
    [InlineData("10001", new[] { "10001" })]
    [InlineData("10001&10003", new[] { "10001", "10003" })]
    [InlineData("10001&&10003", new[] { "10001", "10002", "10003" })]
    [InlineData("10001&&10002&20005", new[] { "10001", "10002", "20005" })]
    [InlineData("10002&10001&&10001", new[] { "10002", "10001" })]
    [InlineData(" 10001 & 10002 ", new[] { "10001", "10002" })]
    public void RtrvPortPower_AidList_ExpandsInOrder(string aid, string[] ports)
    {
        var lines = _gg.Lines($"RTRV-PORT-POWER::{aid}:3;");

        Assert.Equal(ports, lines.Select(l => l.Split(',')[0]["GGN:PORTID=".Length..]));
    }

    [Theory]
    [InlineData("&10001")]
    [InlineData("10001&")]
    [InlineData("10001&&")]
    [InlineData("10003&&10001")]
    [InlineData("10001&&x10003")]
    [InlineData("a&&b")]
    [InlineData("10001&&&10002")]
    [InlineData("10001&&10002&&10003")]
    [InlineData("1&&99999")]
    [InlineData("10001&&20016")]
    [InlineData(" ")]
    public void RtrvPortPower_MalformedAidList_DeniedIiac(string aid)
    {
        _gg.Denied($"RTRV-PORT-POWER::{aid}:3;", "IIAC");
        _gg.Denied($"RTRV-CRS-FIBER::{aid}:4;", "IIAC");
    }

    [Fact]
    public void RtrvPortPower_ManyRanges_DeniedIiacBeyondTheLimit()
    {
        string Ranges(int count) => string.Join('&', Enumerable.Repeat("10001&&10002", count));

        Assert.Equal(2 * Tl1DialectBase.MaxRanges, _gg.Lines($"RTRV-PORT-POWER::{Ranges(Tl1DialectBase.MaxRanges)}:3;").Count);
        _gg.Denied($"RTRV-PORT-POWER::{Ranges(Tl1DialectBase.MaxRanges + 1)}:4;", "IIAC");
    }

    [Theory]
    [InlineData("ENT-CRS-FIBER::10001&&10003,20001&20002&:2;")]
    [InlineData("ENT-CRS-FIBER::10003&&10001,20001:2;")]
    [InlineData("DLT-CRS-FIBER::10001&&:2;")]
    [InlineData("ENT-CRS-FIBER::,:2;")]
    public void ConnectCommands_MalformedAidList_DeniedIiac(string command)
    {
        _gg.Denied(command, "IIAC");

        Assert.Empty(_gg.Switch.Connections);
    }

    [Fact]
    public void RtrvPortPower_All_InputsThenOutputs()
    {
        var lines = _gg.Lines("RTRV-PORT-POWER::all:3;");

        Assert.Equal(32, lines.Count);
        Assert.Equal("GGN:PORTID=10001,PORTPOWER=-0.6", lines[0]);
        Assert.Equal("GGN:PORTID=10016,PORTPOWER=-60.0", lines[15]);
        Assert.Equal("GGN:PORTID=20001,PORTPOWER=-60.0", lines[16]);
    }

    [Fact]
    public void RtrvCfgFiber_Ports_DirectionAndHealth()
    {
        _gg.Completed(
            "RTRV-CFG-FIBER::10001&20001:3;",
            "GGN:PORTID=10001,PORTNAME=,PORTDIR=input,PORTHEALTH=good",
            "GGN:PORTID=20001,PORTNAME=,PORTDIR=output,PORTHEALTH=good");
        Assert.Equal(32, _gg.Lines("RTRV-CFG-FIBER::all:4;").Count);
    }

    [Theory]
    [InlineData("ENT-CRS::1.1a.1,1.1a.2:2::,2WAY;")]
    [InlineData("RTRV-ALM-ALL:::2;")]
    [InlineData("INH-MSG-ALL:::2;")]
    [InlineData("FROB-NICATE:::2;")]
    public void Execute_CommandOfAnotherDialect_DeniedIicm(string command)
    {
        _gg.Denied(command, "IICM");
    }

    [Fact]
    public void Execute_LongRetrieval_SplitIntoPartsWithTheSameCtag()
    {
        using var gg = new AgentHarness(Networks.SimulateUslhcnet(), "GVA-GG", new Tl1AgentOptions { MaxLinesPerResponse = 5 });

        var outcome = gg.Run("RTRV-CRS-FIBER::all:77;");

        Assert.Equal([5, 5, 5, 1], outcome.Responses.Select(r => r.Lines.Length));
        Assert.Equal([true, true, true, false], outcome.Responses.Select(r => r.More));
        Assert.All(outcome.Responses, r => Assert.Equal("77", r.Ctag));
        Assert.Equal(
            _gg.Lines("RTRV-CRS-FIBER::all:78;"),
            outcome.Responses.SelectMany(r => r.Lines));
    }

    [Fact]
    public void Execute_DriverStyleUppercaseCommand_Works()
    {
        _gg.Completed("ent-crs-fiber:gva-gg:10001,20005:2;");

        Assert.Single(_gg.Switch.Connections);
    }
}

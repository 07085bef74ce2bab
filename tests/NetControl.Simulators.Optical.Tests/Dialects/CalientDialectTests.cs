using NetControl.Simulators.Optical.Dialects;
using NetControl.Simulators.Optical.Model;
using NetControl.Simulators.Optical.Tests.Support;

namespace NetControl.Simulators.Optical.Tests.Dialects;

public sealed class CalientDialectTests : IDisposable
{
    private readonly SimulatedNetwork _network;
    private readonly AgentHarness _chi;

    public CalientDialectTests()
    {
        _network = Networks.SimulateUslhcnet();
        _network.GetSwitch("GVA-GG").Connect([new SwitchConnection("10001", "20005"), new SwitchConnection("10005", "20001")]).ThrowIfFailed("GVA-GG");
        _network.GetSwitch("CIT-PXC").Connect(new SwitchConnection("1.1a.1", "1.1a.2", CrossConnectKind.TwoWay)).ThrowIfFailed("CIT-PXC");
        _chi = new AgentHarness(_network, "CHI-PXC");
    }

    public void Dispose() => _chi.Dispose();

    [Fact]
    public void Dialect_Calient_NoEchoNoPrompt()
    {
        Assert.Equal(SwitchDialect.Calient, _chi.Agent.Dialect.Kind);
        Assert.False(_chi.Agent.Dialect.EchoesInput);
        Assert.Null(_chi.Agent.Dialect.Prompt);
    }

    [Fact]
    public void EntCrs_TwoWayWithGroupAndName_RetrieveShowsIt()
    {
        _chi.Completed("ENT-CRS::1.1a.2,1.1a.4:2::LHC,2WAY,cern-caltech;");

        _chi.Completed(
            "RTRV-CRS:::3;",
            "1.1a.2-1.1a.4:SRCPORT=1.1a.2,DSTPORT=1.1a.4,GRPNAME=LHC,CONNNAME=cern-caltech,CONNTYPE=2WAY,AS=IS,OS=IS,OC=OK,PS=UPR,AL=CL");
        Assert.Equal(-6.72, _network.PowerAt("caltech-fdt", "eth2").Received, 1e-9);
    }

    [Fact]
    public void EntCrs_OneWayWithoutGroup_RetrieveShowsIt()
    {
        _chi.Completed("ENT-CRS::1.1a.2,1.1a.4:2::,1WAY;");

        _chi.Completed(
            "RTRV-CRS:::3;",
            "1.1a.2>1.1a.4:SRCPORT=1.1a.2,DSTPORT=1.1a.4,GRPNAME=,CONNNAME=,CONNTYPE=1WAY,AS=IS,OS=IS,OC=OK,PS=UPR,AL=CL");
    }

    [Theory]
    [InlineData("2WAY")]
    [InlineData(",2WAY")]
    [InlineData("2WAY,N")]
    [InlineData("GRPNAME=G,CONNTYPE=2WAY,CONNNAME=N")]
    [InlineData("CONNTYPE=2way")]
    [InlineData("grpname=G,conntype=2WAY,ConnName=N")]
    [InlineData("GRPNAME=\"G 1\",CONNTYPE=\"2WAY\"")]
    public void EntCrs_PayloadForms_AllAccepted(string payload)
    {
        _chi.Completed($"ENT-CRS::1.1a.2,1.1a.4:2::{payload};");

        Assert.Equal(CrossConnectKind.TwoWay, Assert.Single(_chi.Switch.Connections).Kind);
    }

    [Fact]
    public void EntCrs_QuotedNamedValues_KeepTheirCommas()
    {
        _chi.Completed("ENT-CRS::1.1a.2,1.1a.4:2::GRPNAME=\"L,HC\",CONNTYPE=2WAY,CONNNAME=\"a b\";");

        var connection = Assert.Single(_chi.Switch.Connections);
        Assert.Equal("L,HC", connection.Group);
        Assert.Equal("a b", connection.Name);
        Assert.Single(_chi.Lines("RTRV-CRS:::3::grpname=\"L,HC\";"));
    }

    [Fact]
    public void EntCrs_UnknownNamedParameter_DeniedIpnvNamingIt()
    {
        var response = _chi.Denied("ENT-CRS::1.1a.2,1.1a.4:2::colour=red,CONNTYPE=2WAY;", "IPNV");

        Assert.Contains(response.Comments, c => c.Contains("unknown parameter COLOUR", StringComparison.Ordinal));
        Assert.Empty(_chi.Switch.Connections);
    }

    [Theory]
    [InlineData("ENT-CRS::1.1a.5&&1.1a.6,1.1a.7&&1.1b.8:2::,2WAY;")]
    [InlineData("ENT-CRS::1.1a.5&,1.1a.7:2::,2WAY;")]
    [InlineData("ENT-CRS::1.1a.6&&1.1a.5,1.1a.7&&1.1a.8:2::,2WAY;")]
    [InlineData("DLT-CRS::1.1a.1&&,1.1a.2:2;")]
    [InlineData("RTRV-DET-EQPT::1.1a.1&&1.1b.3:2;")]
    [InlineData("RTRV-DET-EQPT::1.1a.1&&1.1a.2&&1.1a.3:2;")]
    public void Commands_MalformedAidList_DeniedIiac(string command)
    {
        _chi.Denied(command, "IIAC");

        Assert.Empty(_chi.Switch.Connections);
    }

    [Fact]
    public void EntCrs_OneWayNoLightAtSource_OcLosAlCr()
    {
        _chi.Completed("ENT-CRS::1.1a.5,1.1a.6:2::,1WAY;");

        _chi.Completed(
            "RTRV-CRS::1.1a.5:3;",
            "1.1a.5>1.1a.6:SRCPORT=1.1a.5,DSTPORT=1.1a.6,GRPNAME=,CONNNAME=,CONNTYPE=1WAY,AS=IS,OS=OOS,OC=LOS,PS=UPR,AL=CR");
    }

    [Fact]
    public void EntCrs_FailedMirror_OcFlt()
    {
        _chi.Completed("ENT-CRS::1.1a.2,1.1a.4:2::,2WAY;");
        _chi.Switch.Faults.FailMirror("1.1a.2");

        var line = Assert.Single(_chi.Lines("RTRV-CRS:::3;"));

        Assert.Contains("OS=OOS,OC=FLT", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ENT-CRS::1.1a.5,1.1a.6:2::,3WAY;", "IPNV")]
    [InlineData("ENT-CRS::1.1a.5,1.1a.6:2::FOO=1,CONNTYPE=2WAY;", "IPNV")]
    [InlineData("ENT-CRS::1.1a.5,1.1a.6:2::a,b,c,d;", "IPNV")]
    [InlineData("ENT-CRS::1.1a.5,1.1a.6:2;", "IBMS")]
    [InlineData("ENT-CRS:::2::,2WAY;", "IBMS")]
    [InlineData("ENT-CRS::1.1a.5,1.1a.99:2::,2WAY;", "IIAC")]
    [InlineData("ENT-CRS::1.1a.5,1.1a.5:2::,2WAY;", "IIAC")]
    [InlineData("ENT-CRS::1.1a.5:2::,2WAY;", "IIAC")]
    [InlineData("ENT-CRS::1.1a.5&1.1a.6,1.1a.7:2::,2WAY;", "IIAC")]
    public void EntCrs_BadInput_Denied(string command, string code)
    {
        _chi.Denied(command, code);

        Assert.Empty(_chi.Switch.Connections);
    }

    [Fact]
    public void EntCrs_PortAlreadyInTwoWay_DeniedSrac()
    {
        _chi.Completed("ENT-CRS::1.1a.5,1.1a.6:2::,2WAY;");

        _chi.Denied("ENT-CRS::1.1a.6,1.1a.7:3::,1WAY;", "SRAC");
        _chi.Denied("ENT-CRS::1.1a.7,1.1a.5:4::,1WAY;", "SRAC");
    }

    [Fact]
    public void EntCrs_OneWaysInOppositeDirections_BothAccepted()
    {
        _chi.Completed("ENT-CRS::1.1a.5,1.1a.6:2::,1WAY;");
        _chi.Completed("ENT-CRS::1.1a.6,1.1a.5:3::,1WAY;");

        _chi.Denied("ENT-CRS::1.1a.5,1.1a.7:4::,1WAY;", "SRAC");
    }

    [Fact]
    public void EntCrs_AmpersandLists_ConnectByPosition()
    {
        _chi.Completed("ENT-CRS::1.1a.5&1.1a.6,1.1a.7&1.1a.8:2::G,2WAY;");

        Assert.Equal(
            [new SwitchConnection("1.1a.5", "1.1a.7", CrossConnectKind.TwoWay, "G"), new SwitchConnection("1.1a.6", "1.1a.8", CrossConnectKind.TwoWay, "G")],
            _chi.Switch.Connections);
    }

    [Fact]
    public void DltCrs_TwoWayByName_Deletes()
    {
        _chi.Completed("ENT-CRS::1.1a.2,1.1a.4:2::,2WAY;");

        _chi.Completed("DLT-CRS:::3::1.1a.2-1.1a.4;");

        Assert.Empty(_chi.Switch.Connections);
    }

    [Fact]
    public void DltCrs_TwoWayNamedFromOtherEnd_Deletes()
    {
        _chi.Completed("ENT-CRS::1.1a.2,1.1a.4:2::,2WAY;");

        _chi.Completed("DLT-CRS:::3::1.1a.4-1.1a.2;");

        Assert.Empty(_chi.Switch.Connections);
    }

    [Fact]
    public void DltCrs_OneWayByName_Deletes()
    {
        _chi.Completed("ENT-CRS::1.1a.2,1.1a.4:2::,1WAY;");

        _chi.Completed("DLT-CRS:::3::1.1a.2>1.1a.4;");

        Assert.Empty(_chi.Switch.Connections);
    }

    [Fact]
    public void DltCrs_ByAid_DeletesEitherKind()
    {
        _chi.Completed("ENT-CRS::1.1a.2,1.1a.4:2::,1WAY;");

        _chi.Completed("DLT-CRS::1.1a.2,1.1a.4:3;");

        Assert.Empty(_chi.Switch.Connections);
    }

    [Theory]
    [InlineData("DLT-CRS:::3::1.1a.2>1.1a.4;", "IDNV")]
    [InlineData("DLT-CRS:::3::1.1a.5-1.1a.6;", "IDNV")]
    [InlineData("DLT-CRS:::3::1.1a.2-1.1a.99;", "IIAC")]
    [InlineData("DLT-CRS:::3::garbage;", "IPNV")]
    [InlineData("DLT-CRS:::3;", "IBMS")]
    public void DltCrs_BadName_DeniedAndKeepsConnection(string command, string code)
    {
        _chi.Completed("ENT-CRS::1.1a.2,1.1a.4:2::,2WAY;");

        _chi.Denied(command, code);

        Assert.Single(_chi.Switch.Connections);
    }

    [Fact]
    public void RtrvCrs_GroupAndNameFilters_SelectConnections()
    {
        _chi.Completed("ENT-CRS::1.1a.2,1.1a.4:2::LHC,2WAY,a;");
        _chi.Completed("ENT-CRS::1.1a.5,1.1a.6:3::TEST,2WAY,b;");
        _chi.Completed("ENT-CRS::1.1a.7,1.1a.8:4::TEST,2WAY,c;");

        Assert.Equal(3, _chi.Lines("RTRV-CRS:::5;").Count);
        Assert.Equal(2, _chi.Lines("RTRV-CRS:::6::TEST;").Count);
        Assert.StartsWith("1.1a.7-1.1a.8:", Assert.Single(_chi.Lines("RTRV-CRS:::7::TEST,c;")), StringComparison.Ordinal);
        Assert.StartsWith("1.1a.2-1.1a.4:", Assert.Single(_chi.Lines("RTRV-CRS:::8::CONNNAME=a;")), StringComparison.Ordinal);
        Assert.StartsWith("1.1a.5-1.1a.6:", Assert.Single(_chi.Lines("RTRV-CRS::1.1a.6:9;")), StringComparison.Ordinal);
        _chi.Denied("RTRV-CRS::1.1a.99:10;", "IIAC");
        _chi.Denied("RTRV-CRS:::11::COLOUR=red;", "IPNV");
    }

    [Fact]
    public void RtrvDetEqpt_Port_InAndOutPower()
    {
        _chi.Completed("ENT-CRS::1.1a.2,1.1a.4:2::,2WAY;");

        // In: cern-fdt 0 - 0.61 - 1.5 - 0.5. Out: caltech-fdt 0 - 0.61 - 1.5 - 0.5 - 1.5.
        _chi.Completed("RTRV-DET-EQPT::1.1a.2:3;", "1.1a.2:INOPTICALPOWER=-2.6,OUTOPTICALPOWERWORKING=-4.1");
        Assert.Equal(8, _chi.Lines("RTRV-DET-EQPT::ALL:4;").Count);
        Assert.Equal(2, _chi.Lines("RTRV-DET-EQPT::1.1a.1&&1.1a.2:5;").Count);
        _chi.Denied("RTRV-DET-EQPT::1.1a.99:6;", "IIAC");
    }

    [Fact]
    public void RtrvAlmAll_CutUpstream_ListsLos()
    {
        _chi.Completed("ENT-CRS::1.1a.2,1.1a.4:2::,2WAY;");
        _chi.Completed("RTRV-ALM-ALL:::3;");

        _network.Faults.CutLink("CHI-GVA-QWEST");

        _chi.Completed("RTRV-ALM-ALL:::4;", "1.1a.2:CR,LOS,SA,03-14,09-26-53:\"Loss of light\"");
        _network.Faults.RepairLink("CHI-GVA-QWEST");
        _chi.Completed("RTRV-ALM-ALL:::5;");
    }

    [Fact]
    public void InhAndAlwMsgAll_ToggleDeliveryForTheSession()
    {
        Assert.True(_chi.Session.ReceivesAutonomousMessages);

        _chi.Completed("INH-MSG-ALL:::2;");
        Assert.False(_chi.Session.ReceivesAutonomousMessages);

        _chi.Completed("ALW-MSG-ALL:::3;");
        Assert.True(_chi.Session.ReceivesAutonomousMessages);
    }

    [Theory]
    [InlineData("ENT-CRS-FIBER::10001,20001:2;")]
    [InlineData("RTRV-PORT-POWER::all:2;")]
    public void Execute_GlimmerglassCommand_DeniedIicm(string command)
    {
        _chi.Denied(command, "IICM");
    }
}

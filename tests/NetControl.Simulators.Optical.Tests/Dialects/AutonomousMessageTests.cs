using NetControl.Drivers.Tl1.Messages;
using NetControl.Simulators.Optical.Model;
using NetControl.Simulators.Optical.Tests.Support;

namespace NetControl.Simulators.Optical.Tests.Dialects;

public sealed class AutonomousMessageTests : IDisposable
{
    private readonly ManualClock _clock = new();
    private readonly SimulatedNetwork _network;
    private readonly AgentHarness _chi;
    private readonly AgentHarness _cit;
    private readonly AgentHarness _gva;

    public AutonomousMessageTests()
    {
        _network = Networks.SimulateUslhcnet(_clock);
        Networks.ConnectCernToCaltech(_network);
        _chi = new AgentHarness(_network, "CHI-PXC");
        _cit = new AgentHarness(_network, "CIT-PXC");
        _gva = new AgentHarness(_network, "GVA-GG");
        _clock.Advance(TimeSpan.FromSeconds(7));
    }

    public void Dispose()
    {
        _chi.Dispose();
        _cit.Dispose();
        _gva.Dispose();
    }

    [Fact]
    public void CutLink_UpstreamOfCalients_ReptAlmLosAtEachDownstreamCalient()
    {
        _network.Faults.CutLink("CHI-GVA-QWEST");

        var chi = Assert.Single(_chi.Messages);
        Assert.Equal(Tl1AlarmCode.Critical, chi.AlarmCode);
        Assert.Equal(1, chi.Atag);
        Assert.Equal("REPT ALM EQPT", chi.Report);
        Assert.Equal("CHI-PXC", chi.Header.Sid);
        Assert.Equal(new DateTime(2025, 3, 14, 9, 27, 0, DateTimeKind.Utc), chi.Header.Timestamp);
        Assert.Equal<string>(["1.1a.2:CR,LOS,SA,03-14,09-27-00:\"Loss of light\""], chi.Lines);

        var cit = Assert.Single(_cit.Messages);
        Assert.Equal<string>(["1.1a.1:CR,LOS,SA,03-14,09-27-00:\"Loss of light\""], cit.Lines);
    }

    [Fact]
    public void CutLink_Glimmerglass_SendsNothing()
    {
        _network.Faults.CutLink("CERN-FDT");

        Assert.Empty(_gva.Messages);
        Assert.Equal(-60, _network.PowerAt("GVA-GG", "10001").Received);
        Assert.Equal(0, _gva.Agent.LastAtag);
    }

    [Fact]
    public void RepairLink_AfterCut_ClearsWithNonAlarmCl()
    {
        _network.Faults.CutLink("CHI-GVA-QWEST");
        _clock.Advance(TimeSpan.FromSeconds(60));

        _network.Faults.RepairLink("CHI-GVA-QWEST");

        Assert.Equal(2, _chi.Messages.Count);
        var clear = _chi.Messages[1];
        Assert.Equal(Tl1AlarmCode.NonAlarm, clear.AlarmCode);
        Assert.Equal(2, clear.Atag);
        Assert.Equal<string>(["1.1a.2:CL,LOS,SA,03-14,09-28-00:\"Loss of light\""], clear.Lines);
        Assert.Empty(_chi.Switch.ActiveAlarms);
    }

    [Fact]
    public void DeleteConnection_WithStandingLos_ClearsTheAlarm()
    {
        _network.Faults.CutLink("CHI-GVA-QWEST");

        _chi.Completed("DLT-CRS:::2::1.1a.2-1.1a.4;");

        Assert.Equal([Tl1AlarmCode.Critical, Tl1AlarmCode.NonAlarm], _chi.Messages.Select(m => m.AlarmCode));
    }

    [Fact]
    public void EnterConnection_OnDarkPorts_RaisesLosForEach()
    {
        _chi.Completed("ENT-CRS::1.1a.5,1.1a.6:2::,2WAY;");

        Assert.Equal(
            ["1.1a.5:CR,LOS,SA,03-14,09-27-00:\"Loss of light\"", "1.1a.6:CR,LOS,SA,03-14,09-27-00:\"Loss of light\""],
            _chi.Messages.Select(m => m.Lines.Single()));
        Assert.Equal([1, 2], _chi.Messages.Select(m => m.Atag));
    }

    [Fact]
    public void Atag_AfterMaximum_WrapsToOne()
    {
        _chi.Agent.SetLastAtag(65534);

        _network.Faults.CutLink("CHI-GVA-QWEST");
        _network.Faults.RepairLink("CHI-GVA-QWEST");
        _network.Faults.CutLink("CHI-GVA-QWEST");

        Assert.Equal([65535, 1, 2], _chi.Messages.Select(m => m.Atag));
    }

    [Fact]
    public void LoseNextAutonomous_One_LeavesAnAtagGap()
    {
        _chi.Switch.Faults.LoseNextAutonomous(1);

        _network.Faults.CutLink("CHI-GVA-QWEST");
        _network.Faults.RepairLink("CHI-GVA-QWEST");

        var only = Assert.Single(_chi.Messages);
        Assert.Equal(2, only.Atag);
        Assert.Equal(Tl1AlarmCode.NonAlarm, only.AlarmCode);
        Assert.Equal(2, _chi.Agent.LastAtag);
        Assert.Equal(0, _chi.Switch.Faults.PendingLostAutonomous);
    }

    [Fact]
    public void CutSrlg_Qwest_CutsBothQwestLinksAtOnce()
    {
        var cut = _network.Faults.CutSrlg("qwest");

        Assert.Equal(["CHI-GVA-QWEST", "CHI-NYC-QWEST"], cut);
        Assert.Equal(cut, _network.Faults.CutLinks);
        Assert.Single(_chi.Messages);
    }

    [Fact]
    public void Dispose_Agent_StopsMessages()
    {
        _chi.Dispose();

        _network.Faults.CutLink("CHI-GVA-QWEST");

        Assert.Empty(_chi.Messages);
        Assert.Single(_chi.Switch.ActiveAlarms);
    }
}

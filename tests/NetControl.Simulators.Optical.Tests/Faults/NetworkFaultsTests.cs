using NetControl.Simulators.Optical.Tests.Support;

namespace NetControl.Simulators.Optical.Tests.Faults;

public sealed class NetworkFaultsTests
{
    [Fact]
    public void CutLink_Twice_SecondReportsNoChange()
    {
        var network = Networks.SimulateUslhcnet();

        Assert.True(network.Faults.CutLink("CHI-CIT-I2"));
        Assert.False(network.Faults.CutLink("CHI-CIT-I2"));
        Assert.True(network.Faults.IsCut("CHI-CIT-I2"));
        Assert.Equal(["CHI-CIT-I2"], network.Faults.CutLinks);
    }

    [Fact]
    public void RepairLink_NotCut_ReportsNoChange()
    {
        Assert.False(Networks.SimulateUslhcnet().Faults.RepairLink("CHI-CIT-I2"));
    }

    [Fact]
    public void CutLink_UnknownId_ThrowsAndChangesNothing()
    {
        var network = Networks.SimulateUslhcnet();

        Assert.Throws<SimulatorException>(() => network.Faults.CutLink("NOPE"));
        Assert.Throws<SimulatorException>(() => network.Faults.CutSrlg("nope"));
        Assert.Empty(network.Faults.CutLinks);
    }

    [Fact]
    public void RepairAll_AfterSeveralCuts_RepairsEverything()
    {
        var network = Networks.SimulateUslhcnet();
        network.Faults.CutSrlg("global-crossing");

        network.Faults.RepairAll();

        Assert.Empty(network.Faults.CutLinks);
    }

    [Fact]
    public void CutLink_HostAttachment_HostSideGoesDark()
    {
        var network = Networks.SimulateUslhcnet();

        network.Faults.CutLink("CERN-FDT");

        Assert.Equal(-60, network.PowerAt("GVA-GG", "10001").Received);
    }
}

using NetControl.Simulators.Optical.Light;
using NetControl.Simulators.Optical.Model;
using NetControl.Simulators.Optical.Tests.Support;

namespace NetControl.Simulators.Optical.Tests.Light;

public sealed class LightModelTests
{
    private const double Precision = 1e-9;

    // Campus fibre of 0.5 km: 0.22 dB/km x 0.5 km + 0.5 dB of connectors.
    private const double CampusSpanDb = (0.22 * 0.5) + 0.5;

    // Transatlantic and Internet2 links are amplified lines: connectors only.
    private const double AmplifiedSpanDb = 0.5;

    private const double CrossConnectDb = 1.5;

    [Fact]
    public void PowerAt_CernToCaltechOverThreeSwitches_IsLaunchMinusEveryLoss()
    {
        var network = Networks.SimulateUslhcnet();

        Networks.ConnectCernToCaltech(network);

        // cern-fdt -> CERN-FDT -> GVA-GG -> CHI-GVA-QWEST -> CHI-PXC -> CHI-CIT-I2 -> CIT-PXC -> CIT-FDT -> caltech-fdt
        double expected = 0 - CampusSpanDb - CrossConnectDb - AmplifiedSpanDb - CrossConnectDb - AmplifiedSpanDb - CrossConnectDb - CampusSpanDb;
        Assert.Equal(-6.72, expected, Precision);
        Assert.Equal(expected, network.PowerAt("caltech-fdt", "eth2").Received, Precision);
        Assert.Equal(expected, network.PowerAt("cern-fdt", "eth2").Received, Precision);
    }

    [Fact]
    public void PowerAt_AlongThePath_DropsByEachElement()
    {
        var network = Networks.SimulateUslhcnet();
        Networks.ConnectCernToCaltech(network);

        Assert.Equal(0, network.PowerAt("cern-fdt", "eth2").Transmitted, Precision);
        Assert.Equal(-CampusSpanDb, network.PowerAt("GVA-GG", "10001").Received, Precision);
        Assert.Equal(-CampusSpanDb - CrossConnectDb, network.PowerAt("GVA-GG", "20005").Transmitted, Precision);
        Assert.Equal(-CampusSpanDb - CrossConnectDb - AmplifiedSpanDb, network.PowerAt("CHI-PXC", "1.1a.2").Received, Precision);
        Assert.Equal(-CampusSpanDb - (2 * CrossConnectDb) - AmplifiedSpanDb, network.PowerAt("CHI-PXC", "1.1a.4").Transmitted, Precision);
    }

    [Fact]
    public void PowerAt_NoCrossConnects_SwitchInputLitHostDark()
    {
        var network = Networks.SimulateUslhcnet();

        Assert.Equal(-CampusSpanDb, network.PowerAt("GVA-GG", "10001").Received, Precision);
        Assert.Equal(-60, network.PowerAt("GVA-GG", "20001").Transmitted);
        Assert.Equal(-60, network.PowerAt("caltech-fdt", "eth2").Received);
    }

    [Fact]
    public void PowerAt_GlimmerglassInputPort_TransmitsNothing()
    {
        var network = Networks.SimulateUslhcnet();

        var light = network.PowerAt("GVA-GG", "10001");

        Assert.Equal(-60, light.Transmitted);
    }

    [Fact]
    public void PowerAt_PassiveTransatlanticSpan_ReadsTheFloor()
    {
        var options = new SimulatorOptions { Light = new LightOptions { AmplifierSpacingKm = double.PositiveInfinity } };
        var network = Networks.SimulateUslhcnet(options: options);

        Networks.ConnectCernToCaltech(network);

        Assert.Equal(-60, network.PowerAt("caltech-fdt", "eth2").Received);
        Assert.Equal(-60, network.PowerAt("CHI-PXC", "1.1a.2").Received);
    }

    [Fact]
    public void PowerAt_ConfiguredLaunchAndInsertionLoss_AreUsed()
    {
        var options = new SimulatorOptions { Light = new LightOptions { LaunchPowerDbm = -3, InsertionLossDb = 2.5 } };
        var network = Networks.SimulateUslhcnet(options: options);

        Networks.ConnectCernToCaltech(network);

        double expected = -3 - (2 * CampusSpanDb) - (3 * 2.5) - (2 * AmplifiedSpanDb);
        Assert.Equal(expected, network.PowerAt("caltech-fdt", "eth2").Received, Precision);
    }

    [Fact]
    public void CutLink_OnThePath_RemovesLightDownstreamOnly()
    {
        var network = Networks.SimulateUslhcnet();
        Networks.ConnectCernToCaltech(network);

        network.Faults.CutLink("CHI-CIT-I2");

        Assert.Equal(-60, network.PowerAt("caltech-fdt", "eth2").Received);
        Assert.Equal(-60, network.PowerAt("cern-fdt", "eth2").Received);
        Assert.Equal(-CampusSpanDb - CrossConnectDb - AmplifiedSpanDb, network.PowerAt("CHI-PXC", "1.1a.2").Received, Precision);
        Assert.Equal(-CampusSpanDb, network.PowerAt("CIT-PXC", "1.1a.2").Received, Precision);
    }

    [Fact]
    public void RepairLink_AfterCut_RestoresTheLight()
    {
        var network = Networks.SimulateUslhcnet();
        Networks.ConnectCernToCaltech(network);
        network.Faults.CutLink("CHI-GVA-QWEST");

        network.Faults.RepairLink("CHI-GVA-QWEST");

        Assert.Equal(-6.72, network.PowerAt("caltech-fdt", "eth2").Received, Precision);
    }

    [Fact]
    public void PowerAt_CalientOneWay_CarriesOnlyThatDirection()
    {
        var network = Networks.SimulateUslhcnet();

        Networks.ConnectCernToCaltech(network, CrossConnectKind.OneWay);

        Assert.Equal(-6.72, network.PowerAt("caltech-fdt", "eth2").Received, Precision);
        Assert.Equal(-60, network.PowerAt("cern-fdt", "eth2").Received);
    }

    [Fact]
    public void PowerAt_FailedMirror_PassesNoLight()
    {
        var network = Networks.SimulateUslhcnet();
        Networks.ConnectCernToCaltech(network);

        network.GetSwitch("GVA-GG").Faults.FailMirror("10001");

        Assert.Equal(-60, network.PowerAt("GVA-GG", "20005").Transmitted);
        Assert.Equal(-60, network.PowerAt("caltech-fdt", "eth2").Received);
        Assert.Equal(-6.72, network.PowerAt("cern-fdt", "eth2").Received, Precision);

        network.GetSwitch("GVA-GG").Faults.RepairMirror("10001");
        Assert.Equal(-6.72, network.PowerAt("caltech-fdt", "eth2").Received, Precision);
    }

    [Fact]
    public void PowerAt_DisconnectAfterConnect_GoesDark()
    {
        var network = Networks.SimulateUslhcnet();
        Networks.ConnectCernToCaltech(network);

        network.GetSwitch("CIT-PXC").Disconnect(new ConnectionRef("1.1a.1", "1.1a.2")).ThrowIfFailed("CIT-PXC");

        Assert.Equal(-60, network.PowerAt("caltech-fdt", "eth2").Received);
    }

    [Fact]
    public void PowerAt_PassiveShortSpan_LosesAttenuationTimesLength()
    {
        var network = Networks.SimulateLab();

        // h1 -> 50 km (11 dB + 0.5 dB) -> A:10003 -> A:20001 -> 10 km (2.2 dB + 0.5 dB) -> B:10001
        network.GetSwitch("A").Connect(new SwitchConnection("10003", "20001")).ThrowIfFailed("A");

        Assert.Equal(-11.5, network.PowerAt("A", "10003").Received, Precision);
        Assert.Equal(-11.5 - 1.5 - 2.7, network.PowerAt("B", "10001").Received, Precision);
    }

    [Fact]
    public void Propagate_GlimmerglassLoop_TerminatesAndCountsLightOnce()
    {
        var network = Networks.SimulateLab();

        // A:10002 -> A:20001 -> A1-B1 -> B:10001 -> B:20002 -> A2-B2 -> A:10002: a closed ring.
        network.GetSwitch("A").Connect(new SwitchConnection("10002", "20001")).ThrowIfFailed("A");
        network.GetSwitch("B").Connect(new SwitchConnection("10001", "20002")).ThrowIfFailed("B");
        network.InjectLight("A", "10002", 0);

        Assert.Equal(0, network.PowerAt("A", "10002").Received, Precision);
        Assert.Equal(-1.5 - 2.7, network.PowerAt("B", "10001").Received, Precision);
        Assert.Equal(-1.5 - 2.7 - 1.5, network.PowerAt("B", "20002").Transmitted, Precision);
    }

    [Fact]
    public void Propagate_CalientTwoWayRing_Terminates()
    {
        var network = Networks.SimulateLab();

        network.GetSwitch("X").Connect(new SwitchConnection("1.1a.1", "1.1a.2", CrossConnectKind.TwoWay)).ThrowIfFailed("X");
        network.GetSwitch("Y").Connect(new SwitchConnection("1.1a.1", "1.1a.2", CrossConnectKind.TwoWay)).ThrowIfFailed("Y");
        network.InjectLight("X", "1.1a.1", -2);

        // X:1.1a.1 -> X:1.1a.2 -> X2-Y2 -> Y:1.1a.2 -> Y:1.1a.1 -> X1-Y1 -> back to X:1.1a.1, where the walk stops.
        Assert.Equal(-2 - 1.5, network.PowerAt("X", "1.1a.2").Transmitted, Precision);
        Assert.Equal(-2 - 1.5 - 2.7 - 1.5, network.PowerAt("Y", "1.1a.1").Transmitted, Precision);
        Assert.Equal(-2, network.PowerAt("X", "1.1a.1").Received, Precision);
    }

    [Fact]
    public void SetTransmitter_Off_HostGoesDark()
    {
        var network = Networks.SimulateUslhcnet();
        Networks.ConnectCernToCaltech(network);

        network.SetTransmitter("cern-fdt", "eth2", null);

        Assert.Equal(-60, network.PowerAt("caltech-fdt", "eth2").Received);
    }

    [Fact]
    public void SetTransmitter_TwoSourcesIntoOnePoint_AddInMilliwatts()
    {
        var network = Networks.SimulateLab();

        network.InjectLight("A", "10004", 0);
        network.GetSwitch("A").Connect(new SwitchConnection("10004", "20002")).ThrowIfFailed("A");
        network.InjectLight("B", "10002", -2.7);

        // B:10002 receives 0 - 1.5 - 2.7 dBm from A and an injected -2.7 dBm: 10*log10(10^-0.42 + 10^-0.27).
        double expected = 10 * Math.Log10(Math.Pow(10, -0.42) + Math.Pow(10, -0.27));
        Assert.Equal(expected, network.PowerAt("B", "10002").Received, 1e-6);
    }
}

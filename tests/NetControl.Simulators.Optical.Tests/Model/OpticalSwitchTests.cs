using NetControl.Simulators.Optical.Model;
using NetControl.Simulators.Optical.Tests.Support;

namespace NetControl.Simulators.Optical.Tests.Model;

public sealed class OpticalSwitchTests
{
    private readonly SimulatedNetwork _network = Networks.SimulateLab();

    private OpticalSwitch Glimmerglass => _network.GetSwitch("A");

    private OpticalSwitch Calient => _network.GetSwitch("X");

    [Fact]
    public void Connect_InputToOutput_IsStoredInTopologySpelling()
    {
        var result = Calient.Connect(new SwitchConnection("1.1A.1", "1.1a.2", CrossConnectKind.TwoWay, "G", "N"));

        Assert.True(result.Succeeded);
        Assert.Equal([new SwitchConnection("1.1a.1", "1.1a.2", CrossConnectKind.TwoWay, "G", "N")], Calient.Connections);
    }

    [Fact]
    public void Connect_UnknownPort_FailsUnknownPort()
    {
        var result = Glimmerglass.Connect(new SwitchConnection("10009", "20001"));

        Assert.Equal(SwitchError.UnknownPort, result.Failure?.Error);
        Assert.Equal("10009", result.Failure?.Port);
        Assert.Empty(Glimmerglass.Connections);
    }

    [Theory]
    [InlineData("20001", "20002", "20001")]
    [InlineData("10001", "10002", "10002")]
    [InlineData("20001", "10001", "20001")]
    public void Connect_WrongDirection_FailsWrongDirectionAtThatPort(string from, string to, string culprit)
    {
        var result = Glimmerglass.Connect(new SwitchConnection(from, to));

        Assert.Equal(SwitchError.WrongDirection, result.Failure?.Error);
        Assert.Equal(culprit, result.Failure?.Port);
    }

    [Fact]
    public void Connect_TwoWayOnDirectionalPorts_FailsWrongDirection()
    {
        var result = Glimmerglass.Connect(new SwitchConnection("10001", "20002", CrossConnectKind.TwoWay));

        Assert.Equal(SwitchError.WrongDirection, result.Failure?.Error);
    }

    [Fact]
    public void Connect_SamePort_FailsSamePort()
    {
        Assert.Equal(SwitchError.SamePort, Calient.Connect(new SwitchConnection("1.1a.1", "1.1a.1")).Failure?.Error);
    }

    [Fact]
    public void Connect_InputAlreadyConnected_FailsPortInUse()
    {
        Glimmerglass.Connect(new SwitchConnection("10001", "20002")).ThrowIfFailed("A");

        var result = Glimmerglass.Connect(new SwitchConnection("10001", "20003"));

        Assert.Equal(SwitchError.PortInUse, result.Failure?.Error);
        Assert.Equal("10001", result.Failure?.Port);
        Assert.Contains("10001>20002", result.Failure?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Connect_OutputAlreadyConnected_FailsPortInUse()
    {
        Glimmerglass.Connect(new SwitchConnection("10001", "20002")).ThrowIfFailed("A");

        var result = Glimmerglass.Connect(new SwitchConnection("10003", "20002"));

        Assert.Equal(SwitchError.PortInUse, result.Failure?.Error);
        Assert.Equal("20002", result.Failure?.Port);
    }

    [Fact]
    public void Connect_BatchWithOneConflict_ConnectsNothing()
    {
        var result = Glimmerglass.Connect([new SwitchConnection("10001", "20002"), new SwitchConnection("10002", "20002")]);

        Assert.Equal(SwitchError.PortInUse, result.Failure?.Error);
        Assert.Empty(Glimmerglass.Connections);
    }

    [Fact]
    public void Connect_OneWayBothDirectionsBetweenBidirectionalPorts_Succeeds()
    {
        Calient.Connect(new SwitchConnection("1.1a.1", "1.1a.2")).ThrowIfFailed("X");

        var result = Calient.Connect(new SwitchConnection("1.1a.2", "1.1a.1"));

        Assert.True(result.Succeeded);
        Assert.Equal(2, Calient.Connections.Count);
    }

    [Fact]
    public void Connect_TwoWayOverAPortWithAOneWay_FailsPortInUse()
    {
        Calient.Connect(new SwitchConnection("1.1a.1", "1.1a.2")).ThrowIfFailed("X");

        var result = Calient.Connect(new SwitchConnection("1.1a.3", "1.1a.2", CrossConnectKind.TwoWay));

        Assert.Equal(SwitchError.PortInUse, result.Failure?.Error);
        Assert.Equal("1.1a.2", result.Failure?.Port);
    }

    [Fact]
    public void Disconnect_ByInputAlone_RemovesItsConnection()
    {
        Glimmerglass.Connect([new SwitchConnection("10001", "20002"), new SwitchConnection("10002", "20001")]).ThrowIfFailed("A");

        var result = Glimmerglass.Disconnect(new ConnectionRef("10001"));

        Assert.True(result.Succeeded);
        Assert.Equal([new SwitchConnection("10002", "20001")], Glimmerglass.Connections);
    }

    [Fact]
    public void Disconnect_NotConnected_FailsNotConnected()
    {
        Assert.Equal(SwitchError.NotConnected, Glimmerglass.Disconnect(new ConnectionRef("10001")).Failure?.Error);
    }

    [Fact]
    public void Disconnect_WrongOutput_FailsNotConnectedAndKeepsIt()
    {
        Glimmerglass.Connect(new SwitchConnection("10001", "20002")).ThrowIfFailed("A");

        var result = Glimmerglass.Disconnect(new ConnectionRef("10001", "20003"));

        Assert.Equal(SwitchError.NotConnected, result.Failure?.Error);
        Assert.Single(Glimmerglass.Connections);
    }

    [Fact]
    public void Disconnect_ByOutputAlone_FailsWrongDirection()
    {
        Glimmerglass.Connect(new SwitchConnection("10001", "20002")).ThrowIfFailed("A");

        Assert.Equal(SwitchError.WrongDirection, Glimmerglass.Disconnect(new ConnectionRef("20002")).Failure?.Error);
    }

    [Fact]
    public void Disconnect_TwoWayNamedFromTheOtherEnd_Removes()
    {
        Calient.Connect(new SwitchConnection("1.1a.1", "1.1a.2", CrossConnectKind.TwoWay)).ThrowIfFailed("X");

        Assert.True(Calient.Disconnect(new ConnectionRef("1.1a.2", "1.1a.1", CrossConnectKind.TwoWay)).Succeeded);
        Assert.Empty(Calient.Connections);
    }

    [Fact]
    public void Disconnect_OneWayReferenceToTwoWay_FailsNotConnected()
    {
        Calient.Connect(new SwitchConnection("1.1a.1", "1.1a.2", CrossConnectKind.TwoWay)).ThrowIfFailed("X");

        Assert.Equal(SwitchError.NotConnected, Calient.Disconnect(new ConnectionRef("1.1a.1", "1.1a.2", CrossConnectKind.OneWay)).Failure?.Error);
    }

    [Fact]
    public void Disconnect_BatchWithOneMissing_RemovesNothing()
    {
        Glimmerglass.Connect(new SwitchConnection("10001", "20002")).ThrowIfFailed("A");

        var result = Glimmerglass.Disconnect([new ConnectionRef("10001"), new ConnectionRef("10002")]);

        Assert.False(result.Succeeded);
        Assert.Single(Glimmerglass.Connections);
    }

    [Fact]
    public void Connect_PortDownInTopology_FailsPortOutOfService()
    {
        var topology = NetControl.Formats.TopologyFile.Parse("""
            name: down
            nodes:
              - id: S
                kind: optical-switch
                vendor: calient
                ports:
                  - name: "1.1a.1"
                  - { name: "1.1a.2", admin: down }
            """, "down.yaml");
        var sw = new SimulatedNetwork(topology).GetSwitch("S");

        var result = sw.Connect(new SwitchConnection("1.1a.1", "1.1a.2", CrossConnectKind.TwoWay));

        Assert.Equal(SwitchError.PortOutOfService, result.Failure?.Error);
        Assert.Equal("1.1a.2", result.Failure?.Port);
    }

    [Fact]
    public void ThrowIfFailed_Failure_ThrowsWithTheFailure()
    {
        var result = Glimmerglass.Connect(new SwitchConnection("10009", "20001"));

        var e = Assert.Throws<SwitchOperationException>(() => result.ThrowIfFailed("A"));

        Assert.Equal(SwitchError.UnknownPort, e.Failure.Error);
        Assert.IsAssignableFrom<SimulatorException>(e);
    }
}

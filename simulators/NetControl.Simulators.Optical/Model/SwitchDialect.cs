namespace NetControl.Simulators.Optical.Model;

/// <summary>The TL1 dialect a simulated switch speaks, chosen from the topology node's vendor.</summary>
public enum SwitchDialect
{
    /// <summary>Glimmerglass System 300/600: input ports 1xxxx, output ports 2xxxx, no alarms.</summary>
    Glimmerglass,

    /// <summary>Calient PXC / DiamondWave: bidirectional ports, 1WAY/2WAY connections, REPT ALM on loss of light.</summary>
    Calient,
}

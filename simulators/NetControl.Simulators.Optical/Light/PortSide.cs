namespace NetControl.Simulators.Optical.Light;

/// <summary>Which fibre of a port: the one bringing light in or the one carrying it out.</summary>
public enum PortSide
{
    /// <summary>Light arriving at the port from its fibre (an input port, or the receive side of a duplex port).</summary>
    Receive,

    /// <summary>Light leaving the port into its fibre (an output port, or the transmit side of a duplex port).</summary>
    Transmit,
}

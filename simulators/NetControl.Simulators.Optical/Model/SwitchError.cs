namespace NetControl.Simulators.Optical.Model;

/// <summary>Why a switch refused a cross-connect change.</summary>
public enum SwitchError
{
    /// <summary>The switch has no port of that name.</summary>
    UnknownPort,

    /// <summary>The port cannot play that role (an output port as a source, a one-direction port in a two-way connection).</summary>
    WrongDirection,

    /// <summary>A connection would start and end on the same port.</summary>
    SamePort,

    /// <summary>The port (that side of it) already carries a connection.</summary>
    PortInUse,

    /// <summary>No connection matches the one named for deletion.</summary>
    NotConnected,

    /// <summary>The port is administratively down in the topology.</summary>
    PortOutOfService,
}

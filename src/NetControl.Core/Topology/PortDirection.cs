namespace NetControl.Core.Topology;

/// <summary>Which way light or traffic passes through a port.</summary>
public enum PortDirection
{
    /// <summary>A duplex port: one name for the receive and transmit fibres (Calient style).</summary>
    Bidirectional,

    /// <summary>A receive-only port (Glimmerglass 1xxxx).</summary>
    Input,

    /// <summary>A transmit-only port (Glimmerglass 2xxxx).</summary>
    Output,
}

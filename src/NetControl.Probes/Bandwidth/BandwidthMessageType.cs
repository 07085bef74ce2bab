namespace NetControl.Probes.Bandwidth;

/// <summary>Kinds of datagram of the bandwidth stream protocol (<see cref="BandwidthWire"/>).</summary>
public enum BandwidthMessageType : byte
{
    /// <summary>Not a datagram of this protocol.</summary>
    None = 0,

    /// <summary>A probe packet.</summary>
    Probe = 1,

    /// <summary>A request for receive times.</summary>
    ReportRequest = 2,

    /// <summary>Receive times.</summary>
    Report = 3,
}


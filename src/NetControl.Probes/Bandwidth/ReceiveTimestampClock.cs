namespace NetControl.Probes.Bandwidth;

/// <summary>The clock that stamped probe packets on arrival; every estimate names the one it used.</summary>
public enum ReceiveTimestampClock
{
    /// <summary>Stopwatch read by the receiving thread after the receive call returned (includes scheduling noise).</summary>
    UserSpaceStopwatch = 1,

    /// <summary>Kernel receive timestamp (SO_TIMESTAMPNS, CLOCK_REALTIME), taken when the packet reached the socket.</summary>
    KernelSoTimestampNs = 2,

    /// <summary>Capture timestamp from libpcap.</summary>
    Pcap = 3,

    /// <summary>Delays computed by a model (tests, simulators), not measured.</summary>
    Simulated = 4,
}

namespace NetControl.Probes.Timestamps;

/// <summary>Where a receive timestamp came from, best first: the kernel, a pcap capture, or user space after the receive call returned.</summary>
public enum ReceiveClock
{
    /// <summary>The kernel stamped the datagram on arrival (SO_TIMESTAMPNS, CLOCK_REALTIME): no scheduling noise.</summary>
    Kernel,

    /// <summary>A libpcap capture stamped the packet (SharpPcap, nanosecond resolution on lo; see Bandwidth.PcapReceiveTimestampSource).</summary>
    Pcap,

    /// <summary>Read from <see cref="RealtimeClock"/> when the receive call returned: includes wake-up and scheduling delay.</summary>
    UserSpace,
}

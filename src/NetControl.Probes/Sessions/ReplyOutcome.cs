namespace NetControl.Probes.Sessions;

/// <summary>What a <see cref="StampSessionTracker"/> made of a reflected packet.</summary>
public enum ReplyOutcome
{
    /// <summary>The first reply to an outstanding packet, within Tmax: counted as received with its delay.</summary>
    Matched,

    /// <summary>Another copy of a reply already counted.</summary>
    Duplicate,

    /// <summary>A reply after Tmax: the packet stays lost.</summary>
    Late,

    /// <summary>No packet of this session has that sequence number and T1 (foreign, forged, or forgotten long ago).</summary>
    Unknown,
}

namespace NetControl.Probes.Stamp;

/// <summary>
/// Constants of unauthenticated STAMP (RFC 8762 sections 4.2.1 and 4.3.1, RFC 8972 SSID), on-wire compatible with
/// unauthenticated TWAMP-Light (RFC 5357 appendix I).
/// </summary>
public static class StampPacketLayout
{
    /// <summary>The well-known STAMP/TWAMP receiver port.</summary>
    public const int WellKnownPort = 862;

    /// <summary>Size of both unauthenticated base packets; anything beyond is padding (or RFC 8972 TLVs, not parsed).</summary>
    public const int BaseLength = 44;

    /// <summary>Largest UDP payload over IPv4, the upper bound on a padded packet.</summary>
    public const int MaxLength = 65_507;
}

namespace NetControl.Simulators.Network.Links;

/// <summary>Runtime options of a relay (not part of the emulated behaviour).</summary>
public sealed record EmulatedLinkOptions
{
    /// <summary>How many distinct client endpoints the relay maps (each gets its own outside socket), default 16.</summary>
    public int MaxClients { get; init; } = 16;

    /// <summary>Kernel socket buffer size requested for each relay socket, default 4 MiB.</summary>
    public int SocketBufferBytes { get; init; } = 4 << 20;

    /// <summary>The release thread spin-waits this long before a datagram is due, default 200 us.</summary>
    public TimeSpan SpinWindow { get; init; } = TimeSpan.FromMicroseconds(200);

    /// <summary>Largest datagram relayed, default 65,507 bytes (the UDP maximum over IPv4).</summary>
    public int MaxDatagramBytes { get; init; } = 65_507;
}

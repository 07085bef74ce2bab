namespace NetControl.Controller.Hosts;

/// <summary>
/// Host configuration at lightpath ends: the controller's signing key, each host node's agent and interface, where
/// lightpath addresses come from, and the TCP settings. Needs probe telemetry (its MQTT broker carries the commands).
/// </summary>
public sealed record HostsOptions
{
    /// <summary>The controller's ECDSA P-256 private key (PEM); agents hold its public half. Never logged.</summary>
    public required string SigningKeyPem { get; init; }

    /// <summary>Names the key to agents (rotation).</summary>
    public string KeyId { get; init; } = "controller-1";

    /// <summary>Host node id to its agent and interface.</summary>
    public required IReadOnlyDictionary<string, HostEndpoint> Endpoints { get; init; }

    /// <summary>Addresses of lightpath ends: a /30 per lightpath out of this IPv4 /16 (from its number).</summary>
    public string AddressPool { get; init; } = "10.250.0.0";

    /// <summary>MTU of the lightpath interface.</summary>
    public int Mtu { get; init; } = 9000;

    public string CongestionControl { get; init; } = "cubic";

    /// <summary>Also raise net.core.rmem_max/wmem_max (not possible inside network namespaces on recent kernels).</summary>
    public bool SocketMaximums { get; init; } = true;

    /// <summary>Bandwidth assumed for TCP buffer sizing when the request names none. Default 10 Gbit/s.</summary>
    public double DefaultBitsPerSecond { get; init; } = 10e9;

    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>One transfer host: its agent and the interface that faces the optical network (a VLAN on it when <see cref="Vlan"/>).</summary>
public sealed record HostEndpoint(string AgentId, string Device, bool Vlan = false);

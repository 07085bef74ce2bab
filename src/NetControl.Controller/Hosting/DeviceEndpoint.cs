using NetControl.Drivers.Tl1.Drivers;
namespace NetControl.Controller.Hosting;

/// <summary>
/// How to reach one switch: its topology node id, TL1 dialect, transport and TL1 credentials, and optionally its
/// SNMP agent (for mapping trap ifIndexes to port names). <see cref="object.ToString"/> never shows credentials.
/// </summary>
public sealed record DeviceEndpoint
{
    /// <summary>The topology node id of the switch (for example <c>CHI-PXC</c>).</summary>
    public required string Name { get; init; }

    public required Tl1Dialect Dialect { get; init; }

    /// <summary>TL1 host (tcp) or SSH server (ssh).</summary>
    public required string Host { get; init; }

    /// <summary>TL1 port (tcp) or SSH port (ssh).</summary>
    public required int Port { get; init; }

    public DeviceTransport Transport { get; init; } = DeviceTransport.Tcp;

    /// <summary>SSH settings when <see cref="Transport"/> is <see cref="DeviceTransport.Ssh"/>.</summary>
    public SshEndpoint? Ssh { get; init; }

    /// <summary>TL1 user (ACT-USER).</summary>
    public required string UserName { get; init; }

    /// <summary>TL1 password; never logged nor returned by the API.</summary>
    public required string Password { get; init; }

    public SnmpEndpoint? Snmp { get; init; }

    public override string ToString() => $"{Name} ({Dialect.ToName()} over {Transport.ToString().ToLowerInvariant()} {Host}:{Port})";
}

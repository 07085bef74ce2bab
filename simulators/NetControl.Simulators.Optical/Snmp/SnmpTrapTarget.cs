using NetControl.Drivers.Snmp.Security;

namespace NetControl.Simulators.Optical.Snmp;

/// <summary>
/// Where a simulated switch sends its linkDown / linkUp notifications. SNMPv2c when <see cref="User"/> is null:
/// an SNMPv2-Trap with <see cref="Community"/>, or an InformRequest (<see cref="Inform"/>) resent until the receiver
/// acknowledges it. SNMPv3 when <see cref="User"/> is set: an SNMPv2-Trap for which the switch's own engine is
/// authoritative (the receiver must know the user localized to the switch's engine id, net-snmp's
/// <c>createUser -e ENGINEID</c>), at the user's security level. SNMPv3 informs are not supported (they need engine
/// discovery of the receiver).
/// </summary>
/// <param name="Host">The receiver's address or host name (usually 127.0.0.1).</param>
/// <param name="Port">The receiver's UDP port (162 for a standard receiver).</param>
/// <param name="Community">The v2c community; ignored for v3.</param>
/// <param name="Inform">Send InformRequests and wait for their acknowledgment instead of traps (v2c only).</param>
public sealed record SnmpTrapTarget(string Host, int Port, string Community = "public", bool Inform = false)
{
    /// <summary>The SNMPv3 user to send as; null for SNMPv2c.</summary>
    public UsmUser? User { get; init; }

    /// <summary>A v3 trap target sending as <paramref name="user"/>.</summary>
    public static SnmpTrapTarget V3(string host, int port, UsmUser user) => new(host, port) { User = user };

    /// <summary>Host, port, version and kind; never the community or passwords.</summary>
    public override string ToString() =>
        $"{Host}:{Port} ({(User is null ? "v2c" : $"v3 user {User.Name}")}, {(Inform ? "inform" : "trap")})";
}

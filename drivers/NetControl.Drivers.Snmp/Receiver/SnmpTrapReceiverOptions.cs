using System.Net;
using NetControl.Drivers.Snmp.Security;

namespace NetControl.Drivers.Snmp.Receiver;

/// <summary>Where an <see cref="SnmpTrapReceiver"/> listens and whom it accepts.</summary>
public sealed record SnmpTrapReceiverOptions
{
    /// <summary>Listening address; port 0 picks a free port (162 needs root).</summary>
    public IPEndPoint EndPoint { get; init; } = new(IPAddress.Loopback, 0);

    /// <summary>SNMPv2c communities accepted; others are dropped and counted.</summary>
    public IReadOnlySet<string> Communities { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "public" };

    /// <summary>SNMPv3 users accepted for traps; keys are localized to each sender's engine id as traps arrive.</summary>
    public IReadOnlyList<UsmUser> Users { get; init; } = [];

    /// <summary>Notifications buffered for a slow reader; beyond this the oldest are dropped.</summary>
    public int Capacity { get; init; } = 10_000;
}

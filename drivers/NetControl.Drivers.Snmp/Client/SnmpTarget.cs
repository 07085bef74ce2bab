using System.Net;
using NetControl.Drivers.Snmp.Security;

namespace NetControl.Drivers.Snmp.Client;

/// <summary>An agent and how to talk to it: v2c with a community, or v3 with a USM user (security level from the user's protocols).</summary>
public sealed record SnmpTarget
{
    public required IPEndPoint EndPoint { get; init; }

    /// <summary>Name in errors and logs; the endpoint when not set.</summary>
    public string? Name { get; init; }

    /// <summary>SNMPv2c community; ignored for v3.</summary>
    public string Community { get; init; } = "public";

    /// <summary>SNMPv3 user; null means SNMPv2c.</summary>
    public UsmUser? User { get; init; }

    /// <summary>SNMPv3 context name (usually empty).</summary>
    public string ContextName { get; init; } = string.Empty;

    /// <summary>Wait for one attempt.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Attempts after the first.</summary>
    public int Retries { get; init; } = 1;

    public string Display => Name ?? EndPoint.ToString();

    public static SnmpTarget V2c(IPEndPoint endPoint, string community = "public") => new() { EndPoint = endPoint, Community = community };

    public static SnmpTarget V3(IPEndPoint endPoint, UsmUser user) => new() { EndPoint = endPoint, User = user };
}

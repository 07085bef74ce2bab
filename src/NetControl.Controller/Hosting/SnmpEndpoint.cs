namespace NetControl.Controller.Hosting;

/// <summary>A switch's SNMP agent (v2c): maps trap ifIndexes to port names, and its interface counters give measured link utilisation.</summary>
public sealed record SnmpEndpoint
{
    public int Port { get; init; } = 161;

    /// <summary>Community string; never logged.</summary>
    public string Community { get; init; } = "public";

    public override string ToString() => $"snmp udp/{Port}";
}

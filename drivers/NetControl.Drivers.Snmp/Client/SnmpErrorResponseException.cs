using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Drivers.Snmp.Client;

/// <summary>The agent answered with an error-status; <see cref="Index"/> is the 1-based varbind it blames (0: none), <see cref="Oid"/> that varbind's OID.</summary>
public sealed class SnmpErrorResponseException(string agent, string operation, SnmpErrorStatus status, int index, string? oid)
    : SnmpException(agent, $"{operation}: {status}{(oid is null ? string.Empty : $" at varbind {index} ({oid})")}", status.ToString())
{
    public SnmpErrorStatus Status { get; } = status;

    public int Index { get; } = index;

    public string? Oid { get; } = oid;
}

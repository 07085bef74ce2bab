using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Simulators.Optical.Snmp.Mib;

/// <summary>
/// One object instance of the MIB (<c>sysName.0</c>, <c>ifOperStatus.3</c>): its name, how to read its value now,
/// and, for the few writable objects, how to check and apply a SET.
/// </summary>
/// <param name="Oid">The instance name, dotted decimal.</param>
/// <param name="Read">Reads the current value within one request's <see cref="MibReadContext"/>.</param>
/// <param name="Write">Null for a read-only instance.</param>
internal sealed record MibInstance(string Oid, Func<MibReadContext, SnmpValue> Read, MibWrite? Write = null);

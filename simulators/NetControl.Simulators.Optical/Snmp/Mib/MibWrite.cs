using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Simulators.Optical.Snmp.Mib;

/// <summary>
/// How a writable instance takes a SET: <see cref="Check"/> runs for every varbind of the request first (RFC 3416
/// 4.2.5 phase one) and answers <see cref="SnmpErrorStatus.NoError"/> or the error (wrongType, wrongLength,
/// wrongValue...); <see cref="Apply"/> runs only when every varbind passed.
/// </summary>
internal sealed record MibWrite(Func<SnmpValue, SnmpErrorStatus> Check, Action<SnmpValue> Apply);

namespace NetControl.Drivers.Snmp.Client;

/// <summary>No response after every retry. Transient.</summary>
public sealed class SnmpTimeoutException(string agent, string operation, int attempts, TimeSpan timeout)
    : SnmpException(agent, $"{operation}: no response after {attempts} attempt(s) of {timeout.TotalSeconds:0.###} s", isTransient: true);

namespace NetControl.Drivers.Snmp.Client;

/// <summary>The agent refused our SNMPv3 credentials (unknown user, wrong digest, unsupported security level, decryption error), as a Report says. Not transient.</summary>
public sealed class SnmpAuthenticationException(string agent, string reason)
    : SnmpException(agent, $"authentication failed: {reason}", "AUTH");

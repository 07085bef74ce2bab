namespace NetControl.Drivers.Snmp.Tests.Fixtures;

/// <summary>
/// One notification as <see cref="SnmptrapdFixture"/>'s snmptrapd logged it.
/// </summary>
/// <param name="Security">snmptrapd's <c>%P</c>: PDU kind and security, e.g. <c>TRAP2, SNMP v2c, community public</c>,
/// <c>INFORM, SNMP v2c, community public</c> or <c>TRAP2, SNMP v3, user netctl, context </c>.</param>
/// <param name="Transport">snmptrapd's <c>%b</c>: <c>UDP: [127.0.0.1]:PORT-&gt;[127.0.0.1]:PORT</c>.</param>
/// <param name="VarBinds">The variable bindings in order (sysUpTime.0 and snmpTrapOID.0 first).</param>
internal sealed record ReceivedNotification(string Security, string Transport, IReadOnlyList<NetSnmpVarBind> VarBinds)
{
    /// <summary>The prefix of the lines snmptrapd prints for a notification (its <c>format2</c>).</summary>
    public const string LinePrefix = "NOTIFICATION ";

    /// <summary>snmpTrapOID.0: which notification this is.</summary>
    public string? TrapOid => VarBinds.FirstOrDefault(v => v.Oid == "1.3.6.1.6.3.1.1.4.1.0")?.Value;

    public bool IsInform => Security.StartsWith("INFORM", StringComparison.Ordinal);

    /// <summary>The value of the binding whose OID is <paramref name="oid"/>; null when absent.</summary>
    public NetSnmpVarBind? Find(string oid) => VarBinds.FirstOrDefault(v => v.Oid == oid);

    /// <summary>Parses a line printed with the fixture's format; null for any other line.</summary>
    public static ReceivedNotification? TryParse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!line.StartsWith(LinePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        string[] fields = line[LinePrefix.Length..].Split('|', 3);
        if (fields.Length != 3)
        {
            return null;
        }

        var varBinds = fields[2].Split('\t').Select(NetSnmpVarBind.TryParse).OfType<NetSnmpVarBind>().ToList();
        return new ReceivedNotification(fields[0], fields[1], varBinds);
    }
}

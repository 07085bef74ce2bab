namespace NetControl.Drivers.Snmp.Messages;

/// <summary>A variable binding: an object instance name in dotted form ("1.3.6.1.2.1.1.1.0") and its value.</summary>
/// <param name="Oid">The object identifier, dotted decimal without a leading dot (see <see cref="Messages.Oid.IsValid"/>).</param>
/// <param name="Value">The value; <see cref="SnmpValue.Null"/> in requests that only name objects.</param>
public sealed record VarBind(string Oid, SnmpValue Value)
{
    /// <summary>A varbind with a NULL value, as Get, GetNext and GetBulk requests carry.</summary>
    public static VarBind Request(string oid) => new(oid, SnmpValue.Null);

    /// <summary>Like net-snmp's output: "1.3.6.1.2.1.1.5.0 = STRING: \"core-1\"".</summary>
    public override string ToString() => $"{Oid} = {Value}";
}

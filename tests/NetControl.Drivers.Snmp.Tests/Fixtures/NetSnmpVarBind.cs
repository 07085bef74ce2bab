using System.Globalization;

namespace NetControl.Drivers.Snmp.Tests.Fixtures;

/// <summary>
/// One variable binding as net-snmp prints it with numeric OIDs (<c>-On</c>):
/// <c>.1.3.6.1.2.1.1.5.0 = STRING: "CHI-PXC"</c>, or <c>.1.3.6.1.2.1.1.9 = No Such Object available on this agent at
/// this OID</c> (then <see cref="Type"/> is empty and <see cref="Value"/> holds the whole text).
/// </summary>
/// <param name="Oid">The OID without its leading dot.</param>
/// <param name="Type">net-snmp's type label (<c>STRING</c>, <c>INTEGER</c>, <c>Counter64</c>, <c>Timeticks</c>, <c>OID</c>...).</param>
/// <param name="Value">The printed value; quotes around strings removed.</param>
internal sealed record NetSnmpVarBind(string Oid, string Type, string Value)
{
    /// <summary>The text net-snmp prints for noSuchObject.</summary>
    public const string NoSuchObjectText = "No Such Object available on this agent at this OID";

    /// <summary>The text net-snmp prints for noSuchInstance.</summary>
    public const string NoSuchInstanceText = "No Such Instance currently exists at this OID";

    /// <summary>The value as a 64-bit integer: INTEGER, Counter32/64, Gauge32, and Timeticks printed raw (<c>-Ot</c>) or as <c>(n) h:mm:ss</c>.</summary>
    public long AsInt64()
    {
        string text = Value;
        if (Type == "Timeticks" && text.StartsWith('('))
        {
            text = text[1..text.IndexOf(')', StringComparison.Ordinal)];
        }

        return long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
    }

    /// <summary>The value as an unsigned 64-bit integer (Counter64).</summary>
    public ulong AsUInt64() => ulong.Parse(Value, NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>Parses one output line; null for a line that is not a variable binding.</summary>
    public static NetSnmpVarBind? TryParse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        line = line.TrimEnd('\r');
        int equals = line.IndexOf(" = ", StringComparison.Ordinal);
        if (!line.StartsWith('.') || equals < 0)
        {
            return null;
        }

        string oid = line[1..equals];
        string rest = line[(equals + 3)..];
        int colon = rest.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0 || rest[..colon].Contains(' ', StringComparison.Ordinal))
        {
            // "No Such Object ...", "No Such Instance ...", "No more variables left in this MIB View ...", an empty
            // string printed as "" alone, or a value whose type label an output option removed (-Ot timeticks).
            return rest == "\"\"" ? new NetSnmpVarBind(oid, "STRING", string.Empty) : new NetSnmpVarBind(oid, string.Empty, rest);
        }

        string type = rest[..colon];
        string value = rest[(colon + 2)..];
        if (type == "STRING" && value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }

        if (type == "OID" && value.StartsWith('.'))
        {
            value = value[1..];
        }

        return new NetSnmpVarBind(oid, type, value);
    }

    /// <summary>
    /// Every variable binding in <paramref name="output"/>, in order; other lines are skipped, except that the
    /// continuation lines net-snmp prints for a long <c>Hex-STRING</c> (16 octets a line) are joined to it.
    /// </summary>
    public static IReadOnlyList<NetSnmpVarBind> ParseAll(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var result = new List<NetSnmpVarBind>();
        foreach (string line in output.Split('\n'))
        {
            if (TryParse(line) is { } varBind)
            {
                result.Add(varBind);
            }
            else if (result.Count > 0 && result[^1].Type == "Hex-STRING" && line.Trim() is { Length: > 0 } more)
            {
                result[^1] = result[^1] with { Value = $"{result[^1].Value.TrimEnd()} {more}" };
            }
        }

        return result;
    }

    public override string ToString() => $".{Oid} = {Type}: {Value}";
}

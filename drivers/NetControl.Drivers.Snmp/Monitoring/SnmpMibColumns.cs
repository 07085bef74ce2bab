using System.Globalization;
using NetControl.Drivers.Snmp.Client;
using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Drivers.Snmp.Monitoring;

/// <summary>Walks table columns into maps keyed by the row index.</summary>
internal static class SnmpMibColumns
{
    public const string IfIndex = WellKnownOids.IfIndex;
    public const string IfName = "1.3.6.1.2.1.31.1.1.1.1";
    public const string IfAdminStatus = "1.3.6.1.2.1.2.2.1.7";
    public const string IfOperStatus = "1.3.6.1.2.1.2.2.1.8";
    public const string IfHCInOctets = "1.3.6.1.2.1.31.1.1.1.6";
    public const string IfHCOutOctets = "1.3.6.1.2.1.31.1.1.1.10";
    public const string EntPhysicalContainedIn = WellKnownOids.EntPhysicalContainedIn;
    public const string EntAliasMappingIdentifier = WellKnownOids.EntAliasMappingIdentifier;
    public const string EntPhySensorType = "1.3.6.1.2.1.99.1.1.1.1";
    public const string EntPhySensorScale = "1.3.6.1.2.1.99.1.1.1.2";
    public const string EntPhySensorPrecision = "1.3.6.1.2.1.99.1.1.1.3";
    public const string EntPhySensorValue = "1.3.6.1.2.1.99.1.1.1.4";
    public const string EntPhySensorUnitsDisplay = "1.3.6.1.2.1.99.1.1.1.6";
    public const string EntPhysicalName = WellKnownOids.EntPhysicalName;
    public const string EntPhysicalDescr = WellKnownOids.EntPhysicalDescr;

    /// <summary>The rows of a column indexed by one integer (the last arc); rows with another index shape are left out.</summary>
    public static async Task<Dictionary<int, SnmpValue>> WalkAsync(SnmpClient client, SnmpTarget target, string column, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<int, SnmpValue>();
        foreach (var (index, value) in await WalkIndexesAsync(client, target, column, cancellationToken).ConfigureAwait(false))
        {
            if (index.Length == 1)
            {
                rows[index[0]] = value;
            }
        }

        return rows;
    }

    /// <summary>
    /// The rows of a column indexed by one integer, walked only as far as <paramref name="lastIndex"/>: the walk stops
    /// at the first batch that reaches it, so a column of a large table is not read to its end for a few low rows.
    /// </summary>
    public static async Task<Dictionary<int, SnmpValue>> WalkUpToAsync(SnmpClient client, SnmpTarget target, string column, int lastIndex, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<int, SnmpValue>();
        await foreach (var vb in client.WalkAsync(target, column, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (TryParseArcs(vb.Oid.AsSpan(column.Length + 1), out int[] index) && index.Length == 1)
            {
                rows[index[0]] = vb.Value;
                if (index[0] >= lastIndex)
                {
                    break;
                }
            }
        }

        return rows;
    }

    /// <summary>
    /// The rows of a column in OID order, each with its index arcs (everything after the column OID), for tables
    /// indexed by several integers; rows with an arc above <see cref="int.MaxValue"/> are left out.
    /// </summary>
    public static async Task<List<(int[] Index, SnmpValue Value)>> WalkIndexesAsync(SnmpClient client, SnmpTarget target, string column, CancellationToken cancellationToken)
    {
        var rows = new List<(int[], SnmpValue)>();
        await foreach (var vb in client.WalkAsync(target, column, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (TryParseArcs(vb.Oid.AsSpan(column.Length + 1), out int[] index))
            {
                rows.Add((index, vb.Value));
            }
        }

        return rows;
    }

    /// <summary>The arcs of a dotted suffix ("12.0"), each 0..<see cref="int.MaxValue"/>.</summary>
    public static bool TryParseArcs(ReadOnlySpan<char> suffix, out int[] arcs)
    {
        var parsed = new List<int>();
        foreach (Range range in suffix.Split('.'))
        {
            if (!int.TryParse(suffix[range], NumberStyles.None, CultureInfo.InvariantCulture, out int arc))
            {
                arcs = [];
                return false;
            }

            parsed.Add(arc);
        }

        arcs = [.. parsed];
        return arcs.Length > 0;
    }
}

using NetControl.Drivers.Snmp.Client;
using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Drivers.Snmp.Monitoring;

/// <summary>Walks table columns into maps keyed by the row index (the last arc).</summary>
internal static class SnmpMibColumns
{
    public const string IfName = "1.3.6.1.2.1.31.1.1.1.1";
    public const string IfAdminStatus = "1.3.6.1.2.1.2.2.1.7";
    public const string IfOperStatus = "1.3.6.1.2.1.2.2.1.8";
    public const string IfHCInOctets = "1.3.6.1.2.1.31.1.1.1.6";
    public const string IfHCOutOctets = "1.3.6.1.2.1.31.1.1.1.10";
    public const string EntPhySensorType = "1.3.6.1.2.1.99.1.1.1.1";
    public const string EntPhySensorScale = "1.3.6.1.2.1.99.1.1.1.2";
    public const string EntPhySensorPrecision = "1.3.6.1.2.1.99.1.1.1.3";
    public const string EntPhySensorValue = "1.3.6.1.2.1.99.1.1.1.4";
    public const string EntPhySensorUnitsDisplay = "1.3.6.1.2.1.99.1.1.1.6";

    public static async Task<Dictionary<int, SnmpValue>> WalkAsync(SnmpClient client, SnmpTarget target, string column, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<int, SnmpValue>();
        await foreach (var vb in client.WalkAsync(target, column, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            string suffix = vb.Oid[(column.Length + 1)..];
            if (int.TryParse(suffix, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index))
            {
                rows[index] = vb.Value;
            }
        }

        return rows;
    }
}

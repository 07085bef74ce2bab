using System.Globalization;
using NetControl.Core.Devices;
using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Drivers.Tl1.Alarms;

/// <summary>
/// Reads the alarm line of <c>REPT ALM</c> and <c>RTRV-ALM-ALL</c>:
/// <c>aid:ntfcncde,condtype,srveff,ocrdat,ocrtm[,locn,dirn]:"desc"</c> (GR-833), with the date as MM-DD and the
/// time as HH-MM-SS; the year comes from the message header.
/// </summary>
public static class Tl1AlarmLine
{
    /// <summary>The alarm, or a <see cref="FormatException"/> saying what is wrong with the line.</summary>
    public static DeviceAlarm Parse(string device, string line, DateTime headerTime)
    {
        int firstColon = line.IndexOf(':', StringComparison.Ordinal);
        if (firstColon <= 0)
        {
            throw new FormatException($"alarm line without 'aid:' prefix: '{line}'");
        }

        string aid = line[..firstColon];
        string rest = line[(firstColon + 1)..];
        string? description = null;
        int secondColon = rest.IndexOf(':', StringComparison.Ordinal);
        if (secondColon >= 0)
        {
            description = rest[(secondColon + 1)..].Trim().Trim('"');
            rest = rest[..secondColon];
        }

        var fields = Tl1Parameters.Parse(rest).Positional;
        if (fields.Count < 3)
        {
            throw new FormatException($"alarm line '{line}' needs at least ntfcncde,condtype,srveff");
        }

        var severity = fields[0].ToUpperInvariant() switch
        {
            "CR" => AlarmSeverity.Critical,
            "MJ" => AlarmSeverity.Major,
            "MN" => AlarmSeverity.Minor,
            "NA" or "NR" => AlarmSeverity.NotAlarmed,
            "CL" => AlarmSeverity.Cleared,
            _ => throw new FormatException($"alarm line '{line}': unknown notification code '{fields[0]}'"),
        };
        bool serviceAffecting = fields[2].Equals("SA", StringComparison.OrdinalIgnoreCase);
        var occurred = OccurredAt(fields, headerTime);
        return new DeviceAlarm(device, aid, fields[1].ToUpperInvariant(), severity, serviceAffecting, occurred, string.IsNullOrEmpty(description) ? null : description);
    }

    /// <summary>The line for an alarm, as a switch writes it (used by the simulator).</summary>
    public static string Format(DeviceAlarm alarm)
    {
        string code = alarm.Severity switch
        {
            AlarmSeverity.Critical => "CR",
            AlarmSeverity.Major => "MJ",
            AlarmSeverity.Minor => "MN",
            AlarmSeverity.NotAlarmed => "NA",
            _ => "CL",
        };
        var t = alarm.OccurredAt.UtcDateTime;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{alarm.Entity}:{code},{alarm.Condition},{(alarm.ServiceAffecting ? "SA" : "NSA")},{t:MM-dd},{t:HH-mm-ss}:\"{alarm.Description}\"");
    }

    private static DateTimeOffset OccurredAt(IReadOnlyList<string> fields, DateTime headerTime)
    {
        var header = new DateTimeOffset(DateTime.SpecifyKind(headerTime, DateTimeKind.Utc));
        if (fields.Count < 5
            || !DateTime.TryParseExact($"{headerTime.Year:D4}-{fields[3]} {fields[4]}", "yyyy-MM-dd HH-mm-ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return header;
        }

        // An alarm from late December reported in January belongs to the previous year.
        var occurred = new DateTimeOffset(at, TimeSpan.Zero);
        return occurred > header.AddDays(1) ? occurred.AddYears(-1) : occurred;
    }
}

namespace NetControl.Drivers.Snmp.Messages;

/// <summary>Text from the wire made safe for a log line.</summary>
internal static class LogText
{
    /// <summary>At most the first 32 characters of <paramref name="text"/>, each control character replaced by '?'.</summary>
    public static string Printable(string text) => new([.. text.Take(32).Select(c => char.IsControl(c) ? '?' : c)]);
}

using System.Globalization;
using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Drivers.Tl1.Tests.Codec;

/// <summary>
/// Every field of a message or command as one string, so tests compare values (records holding ImmutableArray
/// compare arrays by reference) and show a readable difference.
/// </summary>
internal static class Tl1Describe
{
    public static string Of(Tl1Message? message) => message switch
    {
        null => "<null>",
        Tl1Response r => string.Join(" | ", "response", Of(r.Header), r.Ctag, r.Code, r.ErrorCode ?? "<no error code>",
            "comments[" + string.Join("¦", r.Comments) + "]", "lines[" + string.Join("¦", r.Lines) + "]", r.More ? "more" : "last"),
        Tl1Acknowledgment a => $"ack | {a.Code} | {a.Ctag}",
        Tl1AutonomousMessage m => string.Join(" | ", "autonomous", Of(m.Header), m.AlarmCode,
            m.Atag.ToString(CultureInfo.InvariantCulture), m.Report, "lines[" + string.Join("¦", m.Lines) + "]"),
        _ => message.GetType().Name,
    };

    public static string Of(Tl1Command? c) => c is null
        ? "<null>"
        : string.Join(" | ", c.Code, c.Tid, c.Aid, c.Ctag, c.GeneralBlock, "payload[" + string.Join("¦", c.Payload) + "]");

    private static string Of(Tl1Header h) => h.Sid + " " + h.Timestamp.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}

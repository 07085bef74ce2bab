using System.Buffers;
using System.Text;
using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Drivers.Tl1.Codec;

/// <summary>
/// Writes TL1 messages in their canonical form (ASCII; characters outside it become <c>?</c>):
/// commands as <c>ENT-CRS-FIBER::10001,20002:5;</c> (trailing empty blocks omitted), responses and autonomous
/// messages as <c>\r\n\n   SID YY-MM-DD HH:MM:SS\r\n</c> then their lines, indented three spaces, and <c>;</c>
/// (<c>&gt;</c> when more parts follow), acknowledgments as <c>IP 5\r\n&lt;</c>. Quoted lines escape <c>"</c> and
/// <c>\</c> with a backslash; comments (<c>/* ... */</c>) have a <c>*/</c> inside written as <c>* /</c> and line
/// breaks as spaces, so free text (an echo of client input) cannot end them early. Other values are written as
/// given: the caller keeps separators out of them.
/// </summary>
public static class Tl1Writer
{
    private const string Hidden = "********";

    /// <summary>Writes <paramref name="command"/>.</summary>
    public static void Write(IBufferWriter<byte> output, Tl1Command command) => Emit(output, Tl1Formatter.Format(command));

    /// <summary>Writes <paramref name="response"/>.</summary>
    public static void Write(IBufferWriter<byte> output, Tl1Response response) => Emit(output, Tl1Formatter.Format(response));

    /// <summary>Writes <paramref name="acknowledgment"/>.</summary>
    public static void Write(IBufferWriter<byte> output, Tl1Acknowledgment acknowledgment) =>
        Emit(output, Tl1Formatter.Format(acknowledgment));

    /// <summary>Writes <paramref name="message"/>.</summary>
    public static void Write(IBufferWriter<byte> output, Tl1AutonomousMessage message) => Emit(output, Tl1Formatter.Format(message));

    /// <summary>The text <see cref="Write(IBufferWriter{byte}, Tl1Command)"/> would send (may hold a password: log <see cref="Redact"/>).</summary>
    public static string ToText(Tl1Command command) => Tl1Formatter.Format(command);

    /// <summary>The text <see cref="Write(IBufferWriter{byte}, Tl1Response)"/> would send.</summary>
    public static string ToText(Tl1Response response) => Tl1Formatter.Format(response);

    /// <summary>The text <see cref="Write(IBufferWriter{byte}, Tl1Acknowledgment)"/> would send.</summary>
    public static string ToText(Tl1Acknowledgment acknowledgment) => Tl1Formatter.Format(acknowledgment);

    /// <summary>The text <see cref="Write(IBufferWriter{byte}, Tl1AutonomousMessage)"/> would send.</summary>
    public static string ToText(Tl1AutonomousMessage message) => Tl1Formatter.Format(message);

    /// <summary>
    /// <see cref="ToText(Tl1Command)"/> fit for logs: the password of an <c>ACT-USER</c> (its first payload block,
    /// after the general block) shows as <c>********</c>; other commands are unchanged.
    /// </summary>
    public static string Redact(Tl1Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        bool hasPassword = string.Equals(command.Code, "ACT-USER", StringComparison.OrdinalIgnoreCase)
            && !command.Payload.IsDefaultOrEmpty;
        return ToText(hasPassword ? command with { Payload = command.Payload.SetItem(0, Hidden) } : command);
    }

    private static void Emit(IBufferWriter<byte> output, string text)
    {
        ArgumentNullException.ThrowIfNull(output);
        int length = Encoding.ASCII.GetByteCount(text);
        var span = output.GetSpan(length);
        int written = Encoding.ASCII.GetBytes(text, span);
        output.Advance(written);
    }
}

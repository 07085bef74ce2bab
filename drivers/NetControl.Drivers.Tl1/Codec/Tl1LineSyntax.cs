using System.Globalization;
using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Drivers.Tl1.Codec;

/// <summary>Recognises the single-line parts of network element output: header, acknowledgment and identity lines.</summary>
internal static class Tl1LineSyntax
{
    /// <summary>Whitespace inside a line; CR is whitespace so that CRLF, LF and stray CRs read alike.</summary>
    public static bool IsBlank(char c) => c is ' ' or '\t' or '\r' or '\f' or '\v' or '\0';

    public static int SkipBlanks(string text, int index)
    {
        while (index < text.Length && IsBlank(text[index]))
        {
            index++;
        }

        return index;
    }

    public static string TrimBlanks(string text) => text.Trim(' ', '\t', '\r', '\f', '\v', '\0');

    public static string[] Tokens(string text) =>
        text.Split([' ', '\t', '\r', '\f', '\v', '\0'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True when the line looks like a header, <c>   SID YY-MM-DD HH:MM:SS</c> (its values may still be invalid).</summary>
    public static bool IsHeader(string text)
    {
        ReadOnlySpan<char> line = text.AsSpan().TrimEnd(" \t\r\f\v\0");
        if (line.Length < 17 || !Matches(line[^8..], "00:00:00") || !IsBlank(line[^9]))
        {
            return false;
        }

        line = line[..^9].TrimEnd(" \t\r\f\v\0");
        if (line.Length < 8 || !Matches(line[^8..], "00-00-00"))
        {
            return false;
        }

        int dateStart = line.Length >= 10 && char.IsAsciiDigit(line[^9]) && char.IsAsciiDigit(line[^10]) ? line.Length - 10 : line.Length - 8;
        return dateStart == 0 || IsBlank(line[dateStart - 1]);
    }

    /// <summary>Reads a header line already known to match <see cref="IsHeader"/>; null and a reason when its date or time is invalid.</summary>
    public static Tl1Header? ParseHeader(string text, out string? problem)
    {
        string line = TrimBlanks(text);
        int timeAt = LastBlank(line) + 1;
        string time = line[timeAt..];
        string rest = TrimBlanks(line[..timeAt]);
        int dateAt = LastBlank(rest) + 1;
        string date = rest[dateAt..];
        string sid = TrimBlanks(rest[..dateAt]);
        if (sid.Length >= 2 && sid[0] == '"' && sid[^1] == '"')
        {
            sid = sid[1..^1];
        }

        int year = int.Parse(date.AsSpan(0, date.Length - 6), NumberStyles.None, CultureInfo.InvariantCulture);
        year = date.Length == 8 ? 2000 + year : year;
        int month = Number(date, date.Length - 5);
        int day = Number(date, date.Length - 2);
        int hour = Number(time, 0);
        int minute = Number(time, 3);
        int second = Number(time, 6);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            problem = $"invalid header date or time '{date} {time}'";
            return null;
        }

        problem = null;
        return new Tl1Header(sid, new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified));
    }

    /// <summary>Reads an acknowledgment line, <c>IP 12</c>.</summary>
    public static bool TryParseAcknowledgment(string text, out Tl1Acknowledgment? acknowledgment)
    {
        acknowledgment = null;
        string[] tokens = Tokens(text);
        if (tokens.Length != 2 || !IsCtag(tokens[1], 20))
        {
            return false;
        }

        Tl1AckCode? code = tokens[0] switch
        {
            "IP" => Tl1AckCode.InProgress,
            "PF" => Tl1AckCode.PrintoutFollows,
            "OK" => Tl1AckCode.Ok,
            "NA" => Tl1AckCode.NoAcknowledgment,
            "NG" => Tl1AckCode.NoGood,
            "RL" => Tl1AckCode.RepeatLater,
            _ => null,
        };
        if (code is not { } found)
        {
            return false;
        }

        acknowledgment = new Tl1Acknowledgment(found, tokens[1]);
        return true;
    }

    /// <summary>At most <paramref name="maxLength"/> letters and digits (empty counts: an empty CTAG is answered with 0).</summary>
    public static bool IsCtag(string text, int maxLength) =>
        text.Length <= maxLength && text.All(char.IsAsciiLetterOrDigit);

    public static string AckCodeText(Tl1AckCode code) => code switch
    {
        Tl1AckCode.InProgress => "IP",
        Tl1AckCode.PrintoutFollows => "PF",
        Tl1AckCode.Ok => "OK",
        Tl1AckCode.NoAcknowledgment => "NA",
        Tl1AckCode.NoGood => "NG",
        Tl1AckCode.RepeatLater => "RL",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "unknown acknowledgment code"),
    };

    private static bool Matches(ReadOnlySpan<char> token, string shape)
    {
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] == '0' ? !char.IsAsciiDigit(token[i]) : token[i] != shape[i])
            {
                return false;
            }
        }

        return true;
    }

    private static int LastBlank(string text)
    {
        int i = text.Length - 1;
        while (i >= 0 && !IsBlank(text[i]))
        {
            i--;
        }

        return i;
    }

    private static int Number(string token, int at) => ((token[at] - '0') * 10) + (token[at + 1] - '0');
}

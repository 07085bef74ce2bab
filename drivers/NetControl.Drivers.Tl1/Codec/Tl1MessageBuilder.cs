using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Drivers.Tl1.Codec;

/// <summary>Collects the parts of one response or autonomous message as the reader meets them.</summary>
internal sealed class Tl1MessageBuilder(Tl1Header header)
{
    private readonly ImmutableArray<string>.Builder _comments = ImmutableArray.CreateBuilder<string>();
    private readonly ImmutableArray<string>.Builder _lines = ImmutableArray.CreateBuilder<string>();
    private string _ctag = string.Empty;
    private Tl1CompletionCode _code;
    private string? _errorCode;
    private Tl1AlarmCode? _alarmCode;
    private int _atag;
    private string _report = string.Empty;
    private StringBuilder? _openComment;

    /// <summary>True while a <c>/*</c> comment runs on past the end of its line.</summary>
    public bool InComment => _openComment is not null;

    /// <summary>
    /// Reads the line after the header: <c>M  &lt;ctag&gt; &lt;code&gt;</c> or <c>&lt;almcde&gt; &lt;atag&gt; &lt;verb&gt;...</c>.
    /// Null when it is fine, else what is wrong.
    /// </summary>
    public string? ReadIdentity(string text)
    {
        string line = Tl1LineSyntax.TrimBlanks(text);
        if (line.StartsWith('M') && line.Length > 1 && Tl1LineSyntax.IsBlank(line[1]))
        {
            return ReadResponseIdentity(Tl1LineSyntax.Tokens(line[1..]));
        }

        Tl1AlarmCode? alarm = line switch
        {
            _ when line.StartsWith("*C", StringComparison.Ordinal) => Tl1AlarmCode.Critical,
            _ when line.StartsWith("**", StringComparison.Ordinal) => Tl1AlarmCode.Major,
            _ when line.Length > 1 && line[0] == '*' && Tl1LineSyntax.IsBlank(line[1]) => Tl1AlarmCode.Minor,
            _ when line.Length > 1 && line[0] == 'A' && Tl1LineSyntax.IsBlank(line[1]) => Tl1AlarmCode.NonAlarm,
            _ => null,
        };
        if (alarm is not { } code)
        {
            return "expected 'M <ctag> <completion code>' or '<alarm code> <atag> <report>' after the header";
        }

        string[] tokens = Tl1LineSyntax.Tokens(line[(code is Tl1AlarmCode.Critical or Tl1AlarmCode.Major ? 2 : 1)..]);
        if (tokens.Length < 2)
        {
            return "autonomous message line needs an ATAG and a report (REPT ...)";
        }

        if (tokens[0].Length > 9 || !tokens[0].All(char.IsAsciiDigit))
        {
            return $"ATAG '{tokens[0]}' is not a decimal number";
        }

        _alarmCode = code;
        _atag = int.Parse(tokens[0], NumberStyles.None, CultureInfo.InvariantCulture);
        _report = string.Join(' ', tokens[1..]);
        return null;
    }

    /// <summary>
    /// True when an unquoted token may be the error code: before any quoted line, letters and digits, and either a DENY
    /// or exactly four capital letters.
    /// </summary>
    public bool TakesErrorCode(string token) =>
        _alarmCode is null && _errorCode is null && _lines.Count == 0 && token.Length is > 0 and <= 8
        && token.All(char.IsAsciiLetterOrDigit)
        && (_code == Tl1CompletionCode.Denied || token.Length == 4 && token.All(char.IsAsciiLetterUpper));

    public void SetErrorCode(string code) => _errorCode = code;

    public void AddLine(string line) => _lines.Add(line);

    public void AddComment(string text) => _comments.Add(Tl1LineSyntax.TrimBlanks(text));

    public void OpenComment(string firstLine) => _openComment = new StringBuilder(Tl1LineSyntax.TrimBlanks(firstLine));

    public void ContinueComment(string line)
    {
        _openComment!.Append('\n').Append(Tl1LineSyntax.TrimBlanks(line));
    }

    public void CloseComment(string lastLine)
    {
        ContinueComment(lastLine);
        _comments.Add(_openComment!.ToString().Trim());
        _openComment = null;
    }

    /// <summary>The message, ended by <c>;</c> or (<paramref name="more"/>) <c>&gt;</c>.</summary>
    public Tl1Message Build(bool more) => _alarmCode is { } alarm
        ? new Tl1AutonomousMessage(header, alarm, _atag, _report, _lines.ToImmutable())
        : new Tl1Response(header, _ctag, _code, _errorCode, _comments.ToImmutable(), _lines.ToImmutable(), more);

    private string? ReadResponseIdentity(string[] tokens)
    {
        if (tokens.Length != 2)
        {
            return "response line must be 'M <ctag> <completion code>'";
        }

        Tl1CompletionCode? code = tokens[1].ToUpperInvariant() switch
        {
            "COMPLD" => Tl1CompletionCode.Completed,
            "DENY" => Tl1CompletionCode.Denied,
            "PRTL" => Tl1CompletionCode.Partial,
            "DELAY" => Tl1CompletionCode.Delayed,
            "RTRV" => Tl1CompletionCode.Retrieving,
            _ => null,
        };
        if (code is not { } found)
        {
            return $"unknown completion code '{tokens[1]}'";
        }

        _ctag = tokens[0];
        _code = found;
        return null;
    }
}

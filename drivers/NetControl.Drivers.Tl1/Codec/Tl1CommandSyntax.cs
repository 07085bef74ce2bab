using System.Collections.Immutable;
using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Drivers.Tl1.Codec;

/// <summary>Reads the text of one input command (without its <c>;</c>) into a <see cref="Tl1Command"/>.</summary>
internal static class Tl1CommandSyntax
{
    private const int MaxTid = 20;
    private const int MaxCtag = 6;

    /// <summary>GR-833: input, invalid syntax or punctuation.</summary>
    private const string InvalidSyntax = "IISP";

    /// <summary>GR-833: invalid correlation tag.</summary>
    private const string InvalidCtag = "IICT";

    /// <summary>GR-833: input, block missing (here: fewer than the four blocks up to the CTAG).</summary>
    private const string MissingBlock = "IBMS";

    /// <summary>GR-833: invalid target identifier.</summary>
    private const string InvalidTid = "IITA";

    /// <summary>
    /// The command, or null and the error that says what is wrong, with the error code a network element answers
    /// (<see cref="Tl1ParseError.ErrorCode"/>) and the CTAG when it could be read.
    /// </summary>
    public static Tl1Command? Parse(string text, out Tl1ParseError? error)
    {
        var blocks = Tl1Parameters.Split(text, ':').ConvertAll(b => b.Trim(' ', '\t', '\r', '\n', '\f', '\v', '\0'));
        var problem = Check(text, blocks);
        if (problem is var (message, code))
        {
            string? ctag = code != InvalidCtag && blocks.Count > 3 && blocks[3].Length > 0 && Tl1LineSyntax.IsCtag(blocks[3], MaxCtag) ? blocks[3] : null;
            error = Tl1ParseError.About(message, text) with { ErrorCode = code, Ctag = ctag };
            return null;
        }

        error = null;
        int payloadEnd = blocks.Count;
        while (payloadEnd > 5 && blocks[payloadEnd - 1].Length == 0)
        {
            payloadEnd--;
        }

        var payload = payloadEnd > 5 ? [.. blocks.Skip(5).Take(payloadEnd - 5)] : ImmutableArray<string>.Empty;
        return new Tl1Command(
            blocks[0].ToUpperInvariant(),
            blocks[1],
            blocks[2],
            blocks[3],
            blocks.Count > 4 ? blocks[4] : string.Empty,
            payload);
    }

    /// <summary>An error for a command too long to read, with the code a network element answers.</summary>
    public static Tl1ParseError TooLong(string message, string excerpt) => Tl1ParseError.About(message, excerpt) with { ErrorCode = InvalidSyntax };

    /// <summary>What is wrong and the GR-833 code for it, or null when the command is well formed.</summary>
    private static (string Message, string Code)? Check(string text, List<string> blocks)
    {
        if (Tl1LineSyntax.TrimBlanks(text).Length == 0)
        {
            return ("empty command (a ';' alone)", InvalidSyntax);
        }

        if (HasOpenQuote(text))
        {
            return ("quoted text without its closing '\"' on the same line", InvalidSyntax);
        }

        string code = blocks[0];
        if (code.Length == 0 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return ($"invalid command code '{code}' (letters, digits and hyphens)", InvalidSyntax);
        }

        if (blocks.Count < 4)
        {
            return ($"missing CTAG: {code} has {blocks.Count} of the 4 blocks VERB:TID:AID:CTAG", MissingBlock);
        }

        if (blocks[1].Length > MaxTid || !blocks[1].All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return ($"invalid TID '{blocks[1]}' (up to {MaxTid} letters, digits and hyphens)", InvalidTid);
        }

        if (!Tl1LineSyntax.IsCtag(blocks[3], MaxCtag))
        {
            return ($"invalid CTAG '{blocks[3]}' (up to {MaxCtag} letters and digits)", InvalidCtag);
        }

        return null;
    }

    /// <summary>True when a double quote is left open at a line break or at the end.</summary>
    private static bool HasOpenQuote(string text)
    {
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted && c is '\r' or '\n')
            {
                return true;
            }

            if (quoted && c == '\\')
            {
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
        }

        return quoted;
    }
}

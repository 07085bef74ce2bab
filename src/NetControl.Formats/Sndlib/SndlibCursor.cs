using System.Globalization;
using NetControl.Core.Topology;

namespace NetControl.Formats.Sndlib;

/// <summary>
/// Reads the tokens of an SNDlib file for the parser: words, numbers and expected parentheses. A bad number is
/// reported through the builder and reads as null; a missing token throws <see cref="SndlibSyntaxException"/>.
/// </summary>
internal sealed class SndlibCursor(string text, string? file, TopologyBuilder builder)
{
    public SndlibTokenizer Tokens { get; } = new(text);

    /// <summary>A finite number (no smaller than 0 when <paramref name="nonNegative"/>), or null after reporting it.</summary>
    public SndlibNumber? Number(string what, bool nonNegative = false)
    {
        var token = Word(what);
        if (!double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            Error(token, $"{what}: {token.Describe()} is not a number");
            return null;
        }

        if (nonNegative && value < 0)
        {
            Error(token, $"{what}: {token.Text} must not be negative");
            return null;
        }

        return new SndlibNumber(value, token.Text);
    }

    public SndlibToken Word(string what)
    {
        var token = Tokens.Next();
        return token.Kind == SndlibTokenKind.Word ? token : throw Fatal(token, $"expected {what}, found {token.Describe()}");
    }

    public void Expect(SndlibTokenKind kind, string what)
    {
        var token = Tokens.Next();
        if (token.Kind != kind)
        {
            throw Fatal(token, $"expected {what}, found {token.Describe()}");
        }
    }

    public void Error(SndlibToken token, string message) => builder.Error(At(token), message);

    public void Error(SourceLocation at, string message) => builder.Error(at, message);

    public SourceLocation At(SndlibToken token) => SourceLocation.InFile(file, token.Line, token.Column);

    public SndlibSyntaxException Fatal(SndlibToken token, string message) => new(At(token), message);
}

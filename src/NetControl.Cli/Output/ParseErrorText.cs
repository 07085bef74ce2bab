using System.CommandLine;
using System.CommandLine.Parsing;

namespace NetControl.Cli.Output;

/// <summary>
/// The one line netctl prints for a command line the parser rejects: an unknown word is named as such (the parser's
/// first error would be "Required command was not provided."), and a value of the wrong type says what was expected
/// in words, not as a .NET type name.
/// </summary>
internal static class ParseErrorText
{
    public static string Of(ParseResult parsed)
    {
        if (parsed.UnmatchedTokens.Count > 0)
        {
            string what = parsed.CommandResult.Command.Subcommands.Count > 0 ? "command" : "argument";
            return $"unknown {what} '{parsed.UnmatchedTokens[0]}'";
        }

        var error = parsed.Errors[0];
        return ConversionFailure(error) ?? error.Message;
    }

    private static string? ConversionFailure(ParseError error)
    {
        var option = error.SymbolResult switch
        {
            OptionResult o => o,
            ArgumentResult { Parent: OptionResult o } => o,
            _ => null,
        };
        if (option is null || !error.Message.StartsWith("Cannot parse argument", StringComparison.Ordinal))
        {
            return null;
        }

        string value = option.Tokens.Count > 0 ? option.Tokens[^1].Value : string.Empty;
        return $"{option.Option.Name}: '{value}' is not {Expected(option.Option.ValueType)}";
    }

    private static string Expected(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t switch
        {
            _ when t == typeof(int) || t == typeof(long) => "a whole number",
            _ when t == typeof(uint) || t == typeof(ulong) => "a non-negative whole number",
            _ when t == typeof(double) || t == typeof(float) || t == typeof(decimal) => "a number",
            _ when t == typeof(bool) => "true or false",
            _ when t.IsEnum => "one of " + string.Join(", ", Enum.GetNames(t).Select(n => n.ToLowerInvariant())),
            _ => "a valid value",
        };
    }
}

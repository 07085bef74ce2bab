using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NetControl.Formats.Configuration;

/// <summary>Reads a configuration file's text as one YAML document, with YAML errors turned into one-line errors at their position.</summary>
public static partial class ConfigDocument
{
    /// <summary>The root node of <paramref name="yaml"/>; <paramref name="required"/> names what an empty file lacks.</summary>
    public static YamlNode Read(ConfigSource source, string yaml, string required)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw source.Error(ex.Start, string.Empty, $"invalid YAML: {OneLine(ex)}", ex);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner fails this way when the text ends inside an unclosed flow collection.
            throw source.Error(EndOf(yaml), string.Empty, "invalid YAML: unexpected end of input (an unclosed '{', '[' or quote?)", ex);
        }

        return stream.Documents.Count switch
        {
            0 => throw source.Error(Mark.Empty, string.Empty, $"empty configuration ({required})"),
            > 1 => throw source.Error(stream.Documents[1].RootNode.Start, string.Empty, "one YAML document expected"),
            _ => stream.Documents[0].RootNode,
        };
    }

    /// <summary>Reads <paramref name="path"/>, failing with <paramref name="error"/> and a one-line reason when it cannot.</summary>
    public static string ReadText(string path, string what, Func<string, Exception?, Exception> error)
    {
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw error($"{path}: cannot read the {what}: {ex.Message}", ex);
        }
    }

    private static Mark EndOf(string text)
    {
        int line = 1 + text.Count(c => c == '\n');
        int column = 1 + text.Length - (text.LastIndexOf('\n') + 1);
        return new Mark(text.Length, line, column);
    }

    private static string OneLine(YamlException ex)
    {
        string message = (ex.InnerException as YamlException)?.Message is { Length: > 0 } inner && ex.Message.Contains("See inner", StringComparison.Ordinal) ? inner : ex.Message;
        return Whitespace().Replace(PositionPrefix().Replace(message, string.Empty), " ").Trim();
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

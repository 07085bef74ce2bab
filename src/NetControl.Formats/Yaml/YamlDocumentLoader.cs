using NetControl.Core.Topology;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NetControl.Formats.Yaml;

/// <summary>Parses YAML text into its one document's root node; a syntax error is a one-line <see cref="TopologyException"/>.</summary>
internal static class YamlDocumentLoader
{
    public static YamlNode Load(string text, string? file)
    {
        var parser = new YamlGuardedParser(new Parser(new StringReader(text)));
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw Fail(file, e.Start, Describe(e));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // YamlDotNet reports some malformed input with general exceptions (aaubry/YamlDotNet#541); the guard
            // knows the last event it read, which starts the value the parser was inside.
            throw Fail(file, parser.Position, $"YAML syntax error in the value starting here (is a bracket, brace or quote left open?); the parser said: {e.Message}");
        }

        if (stream.Documents.Count == 0)
        {
            throw SourceOrder.Exception(new SourceLocation(file), "the file holds no YAML document (it is empty or only comments)");
        }

        if (stream.Documents.Count > 1)
        {
            throw Fail(file, stream.Documents[1].RootNode.Start, $"expected one YAML document, found {stream.Documents.Count} (remove the extra '---')");
        }

        return stream.Documents[0].RootNode;
    }

    private static string Describe(YamlException e)
    {
        string message = e.Message.Trim();
        if (message.StartsWith("Duplicate key ", StringComparison.Ordinal))
        {
            return $"duplicate key '{message["Duplicate key ".Length..]}'";
        }

        return message.StartsWith("alias ", StringComparison.Ordinal) || message.StartsWith("nesting ", StringComparison.Ordinal)
            ? message
            : "YAML syntax error: " + message;
    }

    private static TopologyException Fail(string? file, Mark at, string message) => SourceOrder.Exception(YamlContext.At(file, at), message);
}

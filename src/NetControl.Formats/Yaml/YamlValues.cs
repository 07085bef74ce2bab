using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NetControl.Formats.Yaml;

/// <summary>How the reader sees YAML values: nulls, and how a value is named in an error.</summary>
internal static class YamlValues
{
    /// <summary>True for an empty value, <c>~</c> or <c>null</c> written plain (a quoted "null" is a string).</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar &&
        scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>The value as an error message names it: <c>'abc'</c>, <c>a mapping</c>, <c>a list</c>, <c>nothing</c>.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        _ when IsNull(node) => "nothing",
        YamlScalarNode scalar => $"'{Shorten(scalar.Value ?? string.Empty)}'",
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ => "an alias",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");
}

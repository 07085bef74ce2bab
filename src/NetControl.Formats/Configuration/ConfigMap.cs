using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NetControl.Formats.Configuration;

/// <summary>
/// One YAML mapping of the configuration, read key by key with precise errors: a key not in the allowed set, a
/// missing required key, a value of the wrong kind or out of range each fail with the file, line, column and path.
/// </summary>
public sealed class ConfigMap
{
    private readonly YamlMappingNode _node;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    private ConfigMap(ConfigSource source, YamlMappingNode node, string path)
    {
        Source = source;
        _node = node;
        Path = path;
    }

    public ConfigSource Source { get; }

    /// <summary>Where this mapping is (<c>broker</c>, <c>targets[1]</c>; empty for the root).</summary>
    public string Path { get; }

    public Mark Start => _node.Start;

    /// <summary>Opens <paramref name="node"/> as a mapping whose keys must all be in <paramref name="allowed"/>.</summary>
    public static ConfigMap Open(ConfigSource source, YamlNode node, string path, params string[] allowed)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw source.Error(node, path, $"expected a mapping of {string.Join(", ", allowed)}");
        }

        var map = new ConfigMap(source, mapping, path);
        foreach (var (key, value) in mapping.Children)
        {
            string name = key is YamlScalarNode { Value: { } k } ? k : string.Empty;
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                throw source.Error(key, map.Child(name), $"unknown key (expected one of {string.Join(", ", allowed)})");
            }

            map._entries[name] = (key, value);
        }

        return map;
    }

    /// <summary>The path of a key of this mapping.</summary>
    public string Child(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public bool Has(string key) => _entries.ContainsKey(key);

    public YamlNode? Node(string key) => _entries.TryGetValue(key, out var e) && !IsNull(e.Value) ? e.Value : null;

    /// <summary>The key's value node; fails at the key when it is absent.</summary>
    public YamlNode Required(string key) =>
        Node(key) ?? throw Source.Error(_entries.TryGetValue(key, out var e) ? e.Key.Start : _node.Start, Child(key), "is required");

    public string? OptionalString(string key) => Node(key) is { } n ? Scalar(n, Child(key)) : null;

    public string RequiredString(string key) => Scalar(Required(key), Child(key));

    public int? OptionalInt(string key, int min, int max)
    {
        if (Node(key) is not { } node)
        {
            return null;
        }

        string text = Scalar(node, Child(key));
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            throw Source.Error(node, Child(key), $"'{text}' is not an integer");
        }

        return value < min || value > max
            ? throw Source.Error(node, Child(key), $"must be between {min} and {max}, got {value}")
            : value;
    }

    public bool? OptionalBool(string key)
    {
        if (Node(key) is not { } node)
        {
            return null;
        }

        string text = Scalar(node, Child(key));
        return bool.TryParse(text, out bool value) ? value : throw Source.Error(node, Child(key), $"'{text}' is not true or false");
    }

    /// <summary>The items of a sequence value (empty when the key is absent).</summary>
    public IReadOnlyList<YamlNode> Sequence(string key)
    {
        if (Node(key) is not { } node)
        {
            return [];
        }

        return node is YamlSequenceNode sequence ? [.. sequence.Children] : throw Source.Error(node, Child(key), "expected a list");
    }

    private string Scalar(YamlNode node, string path)
    {
        if (node is not YamlScalarNode { Value: { } text })
        {
            throw Source.Error(node, path, "expected a single value");
        }

        return text.Length == 0 ? throw Source.Error(node, path, "must not be empty") : text;
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" };
}

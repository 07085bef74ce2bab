using YamlDotNet.RepresentationModel;

namespace NetControl.Formats.Yaml;

/// <summary>
/// A YAML mapping read strictly: only the allowed keys, each once, each value of the expected type. Every problem is
/// reported at the offending key or value, prefixed with the <see cref="Subject"/> ("node 'GVA-GG'"); readers get
/// null for a missing or bad value and carry on, so one pass reports every problem.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlContext _context;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    private YamlMap(YamlContext context, YamlMappingNode node, string subject)
    {
        _context = context;
        Node = node;
        Subject = subject;
    }

    public YamlMappingNode Node { get; }

    /// <summary>What this mapping describes, for error messages: "top level", "node 'GVA-GG'", "link #3".</summary>
    public string Subject { get; }

    /// <summary>Reads <paramref name="node"/> as a mapping with <paramref name="allowed"/> keys; null (and an error) when it is not a mapping.</summary>
    public static YamlMap? Open(YamlContext context, YamlNode node, string subject, IReadOnlyList<string> allowed)
    {
        if (node is not YamlMappingNode mapping)
        {
            context.Error(node, $"{subject}: expected a mapping, not {YamlValues.Describe(node)}");
            return null;
        }

        var map = new YamlMap(context, mapping, subject);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                map.Error(key, $"keys must be plain strings, not {YamlValues.Describe(key)}");
            }
            else if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                map.Error(key, $"unknown key '{name}' (allowed: {string.Join(", ", allowed)})");
            }
            else if (!map._entries.TryAdd(name, (key, value)))
            {
                map.Error(key, $"duplicate key '{name}'");
            }
        }

        return map;
    }

    /// <summary>
    /// Opens an entry of a list, named in errors by its <paramref name="idKey"/> value when that is a plain string
    /// (<c>node 'GVA-GG'</c>), else by its position (<c>node #3</c>).
    /// </summary>
    public static YamlMap? OpenEntry(YamlContext context, YamlNode node, string kind, int number, IReadOnlyList<string> allowed, string idKey = "id")
    {
        string? id = IdOf(node, idKey);
        return Open(context, node, id is null ? $"{kind} #{number}" : $"{kind} '{id}'", allowed);
    }

    public bool Has(string key) => _entries.ContainsKey(key);

    /// <summary>The value of <paramref name="key"/>, or null when it is absent or written as null.</summary>
    public YamlNode? Get(string key) =>
        _entries.TryGetValue(key, out var entry) && !YamlValues.IsNull(entry.Value) ? entry.Value : null;

    /// <summary>The value of a required key; reports it missing (at the key when written null, else at the mapping).</summary>
    public YamlNode? Require(string key)
    {
        var value = Get(key);
        if (value is null)
        {
            Error(_entries.TryGetValue(key, out var entry) ? entry.Key : Node, $"missing required key '{key}'");
        }

        return value;
    }

    public void Error(YamlNode at, string problem) => _context.Error(at, $"{Subject}: {problem}");

    private static string? IdOf(YamlNode node, string idKey)
    {
        if (node is not YamlMappingNode mapping)
        {
            return null;
        }

        var value = mapping.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: var k } && k == idKey).Value;
        return value is YamlScalarNode { Value: { Length: > 0 } id } && !YamlValues.IsNull(value) ? id : null;
    }

    /// <summary>A nested mapping read strictly; null when absent or not a mapping.</summary>
    public YamlMap? Map(string key, IReadOnlyList<string> allowed, bool required = false) =>
        (required ? Require(key) : Get(key)) is { } value ? Open(_context, value, $"{Subject} {key}", allowed) : null;
}

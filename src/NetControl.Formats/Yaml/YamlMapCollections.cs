using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace NetControl.Formats.Yaml;

/// <summary>Lists and string mappings in a strict <see cref="YamlMap"/>.</summary>
internal static class YamlMapCollections
{
    /// <summary>The items of a list value; empty when absent (an error when not a list).</summary>
    public static IReadOnlyList<YamlNode> List(this YamlMap map, string key)
    {
        if (map.Get(key) is not { } value)
        {
            return [];
        }

        if (value is YamlSequenceNode sequence)
        {
            return [.. sequence.Children];
        }

        map.Error(value, $"'{key}' must be a list, not {YamlValues.Describe(value)}");
        return [];
    }

    /// <summary>A list of strings (SRLG ids); repeated entries are reported.</summary>
    public static ImmutableArray<string> StringList(this YamlMap map, string key)
    {
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var item in map.List(key))
        {
            if (map.AsString($"each item of '{key}'", item) is not { } text)
            {
                continue;
            }

            if (result.Contains(text))
            {
                map.Error(item, $"'{key}' lists '{text}' twice");
                continue;
            }

            result.Add(text);
        }

        return result.ToImmutable();
    }

    /// <summary>A mapping of strings to strings (free-form attributes).</summary>
    public static ImmutableSortedDictionary<string, string> StringMap(this YamlMap map, string key)
    {
        var result = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (map.Get(key) is not { } value)
        {
            return result.ToImmutable();
        }

        if (value is not YamlMappingNode mapping)
        {
            map.Error(value, $"'{key}' must be a mapping of names to strings, not {YamlValues.Describe(value)}");
            return result.ToImmutable();
        }

        foreach (var (name, item) in mapping.Children)
        {
            if (map.AsString($"each key of '{key}'", name) is not { } k)
            {
                continue;
            }

            if (result.ContainsKey(k))
            {
                map.Error(name, $"'{key}' has key '{k}' twice");
            }
            else if (YamlValues.IsNull(item))
            {
                map.Error(item, $"'{key}.{k}' must be a string, not nothing");
            }
            else if (map.AsString($"'{key}.{k}'", item) is { } v)
            {
                result[k] = v;
            }
        }

        return result.ToImmutable();
    }
}

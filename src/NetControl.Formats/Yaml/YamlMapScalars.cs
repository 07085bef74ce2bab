using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace NetControl.Formats.Yaml;

/// <summary>Typed scalar values of a strict <see cref="YamlMap"/>: strings, numbers, booleans and fixed words.</summary>
internal static class YamlMapScalars
{
    public static string? String(this YamlMap map, string key, bool required = false) =>
        (required ? map.Require(key) : map.Get(key)) is { } value ? map.AsString($"'{key}'", value) : null;

    /// <summary>The text of a scalar value; numbers and booleans are text too (port "10001"). <paramref name="what"/> names it in errors.</summary>
    public static string? AsString(this YamlMap map, string what, YamlNode value)
    {
        if (value is YamlScalarNode { Value: { } text })
        {
            if (text.Length == 0)
            {
                map.Error(value, $"{what} must not be empty");
                return null;
            }

            return text;
        }

        map.Error(value, $"{what} must be a string, not {YamlValues.Describe(value)}");
        return null;
    }

    /// <summary>A finite number no smaller than <paramref name="min"/>.</summary>
    public static double? Number(this YamlMap map, string key, double min = double.NegativeInfinity, bool required = false)
    {
        if ((required ? map.Require(key) : map.Get(key)) is not { } value)
        {
            return null;
        }

        if (value is YamlScalarNode { Value: { } text } &&
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) &&
            double.IsFinite(number))
        {
            if (number >= min)
            {
                return number;
            }

            map.Error(value, $"'{key}' must be at least {min.ToString(CultureInfo.InvariantCulture)}, not {text}");
            return null;
        }

        map.Error(value, $"'{key}' must be a number, not {YamlValues.Describe(value)}");
        return null;
    }

    /// <summary>A whole number no smaller than <paramref name="min"/>.</summary>
    public static int? Integer(this YamlMap map, string key, int min)
    {
        if (map.Get(key) is not { } value)
        {
            return null;
        }

        if (value is YamlScalarNode { Value: { } text } &&
            int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number))
        {
            if (number >= min)
            {
                return number;
            }

            map.Error(value, $"'{key}' must be at least {min.ToString(CultureInfo.InvariantCulture)}, not {text}");
            return null;
        }

        map.Error(value, $"'{key}' must be a whole number, not {YamlValues.Describe(value)}");
        return null;
    }

    public static bool? Bool(this YamlMap map, string key)
    {
        if (map.Get(key) is not { } value)
        {
            return null;
        }

        if (value is YamlScalarNode { Value: { } text })
        {
            if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (text.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        map.Error(value, $"'{key}' must be true or false, not {YamlValues.Describe(value)}");
        return null;
    }

    /// <summary>One of a fixed set of words, matched case-insensitively.</summary>
    public static T? Choice<T>(this YamlMap map, string key, IReadOnlyList<(string Name, T Value)> choices)
        where T : struct
    {
        if (map.String(key) is not { } text)
        {
            return null;
        }

        foreach (var (name, choice) in choices)
        {
            if (name.Equals(text, StringComparison.OrdinalIgnoreCase))
            {
                return choice;
            }
        }

        map.Error(map.Get(key)!, $"'{key}' must be one of {string.Join(", ", choices.Select(c => c.Name))}, not '{text}'");
        return null;
    }
}

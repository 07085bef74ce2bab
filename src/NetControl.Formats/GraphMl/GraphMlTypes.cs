using System.Globalization;

namespace NetControl.Formats.GraphMl;

/// <summary>Checks data values against their key's declared <c>attr.type</c>.</summary>
internal static class GraphMlTypes
{
    /// <summary>Null when <paramref name="text"/> is a valid value of <paramref name="type"/>, else what is wrong.</summary>
    public static string? Check(string type, string text)
    {
        string value = text.Trim();
        return type switch
        {
            "int" or "long" when !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) =>
                $"'{text}' is not a whole number (its key is declared {type})",
            "float" or "double" when !TryParseDouble(value, out _) =>
                $"'{text}' is not a number (its key is declared {type})",
            "boolean" when !bool.TryParse(value, out _) =>
                $"'{text}' is not true or false (its key is declared boolean)",
            _ => null,
        };
    }

    public static bool TryParseDouble(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}

using System.Text.Json;

namespace NetControl.Controller.Api.Problems;

/// <summary>One-line descriptions of JSON reading errors that name the field.</summary>
internal static class JsonErrors
{
    public static string Describe(JsonException ex)
    {
        string path = ex.Path is { Length: > 0 } p && p != "$" ? p.TrimStart('$').TrimStart('.') : string.Empty;
        string where = path.Length == 0 ? "the body" : $"field '{path}'";
        string message = ex.Message;
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        if (message.StartsWith("The JSON value could not be converted to", StringComparison.Ordinal))
        {
            return $"{where} has the wrong type ({Expected(message)})";
        }

        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            string[] parts = message.Split('\'');
            return parts.Length >= 2 ? $"unknown field '{parts[1]}'" : "the body has an unknown field";
        }

        return $"the body is not valid JSON at {where}: {message.TrimEnd('.')}";
    }

    private static string Expected(string message)
    {
        string type = message["The JSON value could not be converted to ".Length..].TrimEnd('.');
        return type switch
        {
            "System.String" => "expected a string",
            "System.Double" or "System.Nullable`1[System.Double]" or "System.Int32" or "System.Nullable`1[System.Int32]" => "expected a number",
            "System.Boolean" or "System.Nullable`1[System.Boolean]" => "expected true or false",
            _ when type.StartsWith("System.Collections", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "expected an array",
            _ => "expected an object or another value",
        };
    }
}

namespace NetControl.Formats.Configuration;

/// <summary>
/// Reads a secret from exactly one of <c>KEY</c> (inline), <c>KEYFile</c> (a file, trailing newline dropped) or
/// <c>KEYEnv</c> (an environment variable named in the file), else from a fallback environment variable. Messages
/// name where the secret was looked for, never its value.
/// </summary>
public static class ConfigSecret
{
    /// <summary>The configuration keys a secret named <paramref name="key"/> may use.</summary>
    public static string[] Keys(string key) => [key, key + "File", key + "Env"];

    /// <summary>The secret and a description of where it came from (for logs), or null when none is given and there is no fallback.</summary>
    public static (string Secret, string Source)? Read(ConfigMap map, string key, Func<string, string?> environment, string? fallbackVariable = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(environment);
        var given = Keys(key).Where(k => map.Node(k) is not null).ToList();
        if (given.Count > 1)
        {
            throw map.Source.Error(map.Required(given[1]), map.Child(given[1]), $"give only one of {string.Join(", ", Keys(key))}");
        }

        if (map.Node(key) is not null)
        {
            return (map.RequiredString(key), map.Child(key));
        }

        if (map.OptionalString(key + "File") is { } file)
        {
            string path = map.Source.ResolvePath(file);
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw map.Source.Error(map.Required(key + "File"), map.Child(key + "File"), $"cannot read '{path}': {ex.Message}", ex);
            }

            string secret = text.TrimEnd('\r', '\n');
            return secret.Length == 0
                ? throw map.Source.Error(map.Required(key + "File"), map.Child(key + "File"), $"'{path}' is empty")
                : (secret, $"{map.Child(key + "File")} {path}");
        }

        if (map.OptionalString(key + "Env") is { } variable)
        {
            return environment(variable) is { Length: > 0 } value
                ? (value, variable)
                : throw map.Source.Error(map.Required(key + "Env"), map.Child(key + "Env"), $"the environment variable {variable} is not set");
        }

        return fallbackVariable is not null && environment(fallbackVariable) is { Length: > 0 } fallback ? (fallback, fallbackVariable) : null;
    }
}

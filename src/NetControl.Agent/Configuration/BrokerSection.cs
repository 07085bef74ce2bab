namespace NetControl.Agent.Configuration;

/// <summary>Reads <c>broker</c>: host, port, and the secret from exactly one of <c>secret</c>, <c>secretFile</c> or the environment.</summary>
internal static class BrokerSection
{
    public static readonly string[] Keys = ["host", "port", "secret", "secretFile"];

    public static BrokerConfig Read(ConfigMap map, Func<string, string?> environment)
    {
        string host = map.OptionalString("host") ?? "127.0.0.1";
        if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            throw map.Source.Error(map.Required("host"), map.Child("host"), $"'{host}' is not a host name or IP address");
        }

        int port = map.OptionalInt("port", 1, 65535) ?? 1883;
        var (secret, from) = Secret(map, environment);
        return new BrokerConfig { Host = host, Port = port, Secret = secret, SecretSource = from };
    }

    private static (string Secret, string Source) Secret(ConfigMap map, Func<string, string?> environment)
    {
        if (map.Node("secret") is { } inline && map.Node("secretFile") is not null)
        {
            throw map.Source.Error(inline, map.Child("secret"), "give either secret or secretFile, not both");
        }

        if (map.Node("secret") is not null)
        {
            // The value itself is never put in a message.
            return (map.RequiredString("secret"), "broker.secret");
        }

        if (map.OptionalString("secretFile") is { } file)
        {
            string path = map.Source.ResolvePath(file);
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw map.Source.Error(map.Required("secretFile"), map.Child("secretFile"), $"cannot read '{path}': {ex.Message}", ex);
            }

            string secret = text.TrimEnd('\r', '\n');
            return secret.Length == 0
                ? throw map.Source.Error(map.Required("secretFile"), map.Child("secretFile"), $"'{path}' is empty")
                : (secret, $"broker.secretFile {path}");
        }

        return environment(AgentConfigLoader.SecretEnvironmentVariable) is { Length: > 0 } fromEnvironment
            ? (fromEnvironment, AgentConfigLoader.SecretEnvironmentVariable)
            : throw map.Source.Error(map.Start, map.Path, $"no secret: set broker.secret, broker.secretFile or the {AgentConfigLoader.SecretEnvironmentVariable} environment variable");
    }
}

using NetControl.Formats.Configuration;

namespace NetControl.Agent.Configuration;

/// <summary>Reads <c>broker</c>: host, port, and the secret from exactly one of <c>secret</c>, <c>secretFile</c>, <c>secretEnv</c> or <see cref="AgentConfigLoader.SecretEnvironmentVariable"/>.</summary>
internal static class BrokerSection
{
    public static readonly string[] Keys = ["host", "port", .. ConfigSecret.Keys("secret")];

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

    private static (string Secret, string Source) Secret(ConfigMap map, Func<string, string?> environment) =>
        ConfigSecret.Read(map, "secret", environment, AgentConfigLoader.SecretEnvironmentVariable)
        ?? throw map.Source.Error(map.Start, map.Path, $"no secret: set broker.secret, broker.secretFile, broker.secretEnv or the {AgentConfigLoader.SecretEnvironmentVariable} environment variable");
}

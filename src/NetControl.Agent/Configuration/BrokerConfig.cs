using System.Text;

namespace NetControl.Agent.Configuration;

/// <summary>The MQTT broker and the agent's secret. <see cref="object.ToString"/> never shows the secret.</summary>
public sealed record BrokerConfig
{
    /// <summary>Broker host name or address. Default 127.0.0.1.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Broker TCP port. Default 1883.</summary>
    public int Port { get; init; } = 1883;

    /// <summary>The agent's shared secret (MQTT password). Never logged or printed.</summary>
    public required string Secret { get; init; }

    /// <summary>Where the secret came from (<c>broker.secret</c>, <c>broker.secretFile FILE</c> or the environment variable), for diagnostics.</summary>
    public required string SecretSource { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Host = ").Append(Host).Append(", Port = ").Append(Port).Append(", Secret = (redacted), SecretSource = ").Append(SecretSource);
        return true;
    }
}

using MQTTnet;
using MQTTnet.Formatter;

namespace NetControl.Messaging.Connection;

/// <summary>Builds MQTT 5 client options with a persistent session (clean start false, session expiry).</summary>
internal static class MqttClientOptionsFactory
{
    public static MqttClientOptionsBuilder Persistent(BrokerConnectionOptions options, string clientId) =>
        new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(clientId)
            .WithCredentials(options.UserName, options.Secret)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)Math.Clamp(options.SessionExpiry.TotalSeconds, 0, uint.MaxValue))
            .WithKeepAlivePeriod(options.KeepAlive)
            .WithTimeout(options.CommunicationTimeout);
}

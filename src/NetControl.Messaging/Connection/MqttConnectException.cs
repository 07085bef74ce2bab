using MQTTnet;

namespace NetControl.Messaging.Connection;

/// <summary>The broker refused the connection (bad credentials, not authorized...), or it could not be reached.</summary>
public sealed class MqttConnectException(string endpoint, MqttClientConnectResultCode? resultCode, string message, Exception? inner = null)
    : MessagingException($"{endpoint}: {message}", isTransient: resultCode is null or MqttClientConnectResultCode.ServerUnavailable or MqttClientConnectResultCode.ServerBusy, inner)
{
    /// <summary>The CONNACK reason, or null when no CONNACK came (network error).</summary>
    public MqttClientConnectResultCode? ResultCode { get; } = resultCode;
}

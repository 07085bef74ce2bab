using System.Net.Sockets;
using MQTTnet;
using MQTTnet.Exceptions;

namespace NetControl.Messaging.Connection;

/// <summary>Connects an MQTTnet client and turns every failure into an <see cref="MqttConnectException"/>.</summary>
internal static class MqttConnector
{
    public static async Task<MqttClientConnectResult> ConnectAsync(IMqttClient client, MqttClientOptions options, string endpoint, CancellationToken cancellationToken)
    {
        MqttClientConnectResult result;
        try
        {
            result = await client.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MqttCommunicationException or SocketException or IOException or TimeoutException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new MqttConnectException(endpoint, null, ex.Message, ex);
        }

        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new MqttConnectException(endpoint, result.ResultCode, $"connection refused: {result.ResultCode} {result.ReasonString}");
        }

        return result;
    }

    /// <summary>True for the exceptions a lost or refused connection produces (the loops retry on these).</summary>
    public static bool IsConnectionFailure(Exception ex) =>
        ex is MqttCommunicationException or MessagingException or SocketException or IOException or TimeoutException or InvalidOperationException;
}

using System.Net;
using NetControl.Drivers.Snmp.Codec;

namespace NetControl.Drivers.Snmp.Client;

/// <summary>
/// The agent answered a request with a reply that does not decode (its request-id or msgID named the request, the
/// rest is malformed or truncated): what was wrong (<see cref="DecodeError"/>, with the byte offset) and from where.
/// Not transient: an agent that encodes a reply wrongly will do it again.
/// </summary>
public sealed class SnmpDecodeErrorException(string agent, string operation, IPEndPoint source, SnmpDecodeException decodeError)
    : SnmpException(agent, $"{operation}: undecodable reply from {source}: {decodeError.Message}", isTransient: false, inner: decodeError)
{
    /// <summary>Where the reply came from.</summary>
    public IPEndPoint ReplyFrom { get; } = source;

    /// <summary>What was wrong with the reply.</summary>
    public SnmpDecodeException DecodeError { get; } = decodeError;
}

using System.Net;
using NetControl.Drivers.Snmp.Codec;

namespace NetControl.Drivers.Snmp.Client;

/// <summary>
/// A request got no answer that decodes in any of its <see cref="Attempts"/>, but the agent did send a reply that
/// looked meant for it (its request-id and community, or its msgID, named the request; the rest was malformed or
/// truncated): what was wrong with the last such reply (<see cref="DecodeError"/>, with the byte offset) and where it
/// came from. Thrown in place of <see cref="SnmpTimeoutException"/> once every retry is spent. Not transient: the
/// retries already went unanswered but for replies that do not decode.
/// </summary>
public sealed class SnmpDecodeErrorException(string agent, string operation, IPEndPoint source, SnmpDecodeException decodeError, int attempts)
    : SnmpException(
        agent,
        $"{operation}: no decodable reply in {attempts} attempt(s); last undecodable reply from {source}: {decodeError.Message}",
        isTransient: false,
        inner: decodeError)
{
    /// <summary>Where the last undecodable reply came from.</summary>
    public IPEndPoint ReplyFrom { get; } = source;

    /// <summary>What was wrong with the last undecodable reply.</summary>
    public SnmpDecodeException DecodeError { get; } = decodeError;

    /// <summary>How many times the request was sent.</summary>
    public int Attempts { get; } = attempts;
}

using System.Formats.Asn1;
using System.Net;
using Microsoft.Extensions.Logging;
using NetControl.Drivers.Snmp.Codec;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Simulators.Optical.Snmp.Mib;

namespace NetControl.Simulators.Optical.Snmp;

/// <summary>
/// One agent's datagram processing, without sockets: a request datagram in, the response datagram (or null: dropped)
/// out. SNMPv2c requests are checked against the read and write communities (another community is dropped, counted
/// and logged); SNMPv3 goes to <see cref="UsmRequestHandler"/>. A Response PDU acknowledges one of the agent's informs
/// (<see cref="ResponseReceived"/>). Undecodable datagrams and SNMPv1 are dropped, counted and logged. Every datagram
/// counts in snmpInPkts.
/// </summary>
internal sealed class SnmpRequestHandler
{
    private readonly AgentContext _agent;
    private readonly PduProcessor _processor;
    private readonly UsmRequestHandler _usm;
    private readonly ILogger _logger;

    public SnmpRequestHandler(AgentContext agent, SwitchMib mib, ILogger logger)
    {
        _agent = agent;
        _logger = logger;
        _processor = new PduProcessor(mib, agent);
        _usm = new UsmRequestHandler(agent, _processor, logger);
    }

    /// <summary>Called with the request-id of every v2c Response PDU received (an inform's acknowledgment).</summary>
    public Action<int>? ResponseReceived { get; set; }

    public byte[]? Handle(ReadOnlySpan<byte> datagram, EndPoint remote)
    {
        _agent.Counters.Increment(SnmpCounter.InPackets);
        SnmpVersion version;
        try
        {
            version = SnmpCodec.PeekVersion(datagram);
        }
        catch (SnmpDecodeException ex)
        {
            if (VersionOf(datagram) is int other and not ((int)SnmpVersion.V2c or (int)SnmpVersion.V3))
            {
                _agent.Counters.Increment(SnmpCounter.BadVersions);
                SnmpAgentLog.BadVersion(_logger, _agent.Switch.Name, other, remote);
                return null;
            }

            return Undecodable(datagram.Length, remote, ex);
        }

        return version == SnmpVersion.V3 ? _usm.Handle(datagram, remote) : HandleV2c(datagram, remote);
    }

    private byte[]? HandleV2c(ReadOnlySpan<byte> datagram, EndPoint remote)
    {
        SnmpV2cMessage message;
        try
        {
            message = SnmpCodec.DecodeV2c(datagram);
        }
        catch (SnmpDecodeException ex)
        {
            return Undecodable(datagram.Length, remote, ex);
        }

        var options = _agent.Options;
        bool mayWrite = string.Equals(message.Community, options.WriteCommunity, StringComparison.Ordinal);
        if (!mayWrite && !string.Equals(message.Community, options.ReadCommunity, StringComparison.Ordinal))
        {
            _agent.Counters.Increment(SnmpCounter.BadCommunityNames);
            SnmpAgentLog.BadCommunity(_logger, _agent.Switch.Name, message.Pdu.Type.ToString(), remote, options.LogSensitiveData ? message.Community : "***");
            return null;
        }

        var pdu = message.Pdu;
        switch (pdu.Type)
        {
            case PduType.GetRequest or PduType.GetNextRequest or PduType.GetBulkRequest or PduType.SetRequest:
                break;
            case PduType.Response:
                ResponseReceived?.Invoke(pdu.RequestId);
                return null;
            default:
                _agent.Counters.Increment(SnmpCounter.UnknownPduHandlers);
                SnmpAgentLog.NoHandler(_logger, _agent.Switch.Name, pdu.Type.ToString(), remote);
                return null;
        }

        int maxSize = options.MaxMessageSize;
        var response = _processor.Respond(pdu, mayWrite, p => SnmpCodec.Encode(message with { Pdu = p }).Length <= maxSize);
        if (response is null)
        {
            _agent.Counters.Increment(SnmpCounter.SilentDrops);
            SnmpAgentLog.SilentDrop(_logger, _agent.Switch.Name, pdu.Type.ToString(), remote, maxSize);
            return null;
        }

        return SnmpCodec.Encode(message with { Pdu = response });
    }

    private byte[]? Undecodable(int length, EndPoint remote, SnmpDecodeException ex)
    {
        _agent.Counters.Increment(SnmpCounter.AsnParseErrors);
        SnmpAgentLog.Undecodable(_logger, _agent.Switch.Name, length, remote, ex.Message);
        return null;
    }

    /// <summary>The msgVersion of a message that otherwise failed to decode, when it can be read at all.</summary>
    private static int? VersionOf(ReadOnlySpan<byte> datagram)
    {
        try
        {
            var message = new AsnReader(datagram.ToArray(), AsnEncodingRules.BER).ReadSequence();
            return message.TryReadInt32(out int version) ? version : null;
        }
        catch (AsnContentException)
        {
            return null;
        }
    }
}

using System.Collections.Frozen;
using System.Net;
using Microsoft.Extensions.Logging;
using NetControl.Drivers.Snmp.Codec;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Drivers.Snmp.Security;
using NetControl.Simulators.Optical.Snmp.Mib;

namespace NetControl.Simulators.Optical.Snmp;

/// <summary>
/// SNMPv3 requests to an agent, which is their authoritative engine (RFC 3412, RFC 3414). Checks in RFC 3414 3.2
/// order: engine id (empty or another: a discovery request, answered with a Report of usmStatsUnknownEngineIDs that
/// carries the agent's engine id, boots and time), user, security level, digest, decryption, time window. Every
/// failure counts in its usmStats counter and, when the request is reportable, is answered by a Report carrying
/// that counter, unauthenticated except usmStatsNotInTimeWindows (authNoPriv, so the requester can trust the boots
/// and time it learns). A context other than the default (empty name, the agent's engine id or empty) is reported
/// as snmpUnknownContexts. A request below the user's configured security level is answered authorizationError.
/// Responses go at the request's security level, encrypted with a fresh salt.
/// </summary>
internal sealed class UsmRequestHandler
{
    private readonly AgentContext _agent;
    private readonly PduProcessor _processor;
    private readonly ILogger _logger;
    private readonly FrozenDictionary<string, UsmLocalizedKeys> _keys;
    private readonly UsmSaltSource _salts = new();

    public UsmRequestHandler(AgentContext agent, PduProcessor processor, ILogger logger)
    {
        _agent = agent;
        _processor = processor;
        _logger = logger;
        _keys = agent.Options.Users.ToFrozenDictionary(u => u.Name, u => UsmLocalizedKeys.Create(u, agent.EngineId.AsSpan()), StringComparer.Ordinal);
    }

    /// <summary>The security flags (auth, priv) a user's protocols give: its level.</summary>
    public static V3Flags LevelOf(UsmUser user) =>
        user.Auth == SnmpAuthProtocol.None ? V3Flags.None : user.Priv == SnmpPrivProtocol.None ? V3Flags.Auth : V3Flags.Auth | V3Flags.Priv;

    public byte[]? Handle(ReadOnlySpan<byte> datagram, EndPoint remote)
    {
        SnmpV3Message message;
        UsmCheck check;
        try
        {
            message = SnmpV3Codec.Decode(datagram, name => _keys.GetValueOrDefault(name), out check);
        }
        catch (SnmpDecodeException ex)
        {
            _agent.Counters.Increment(SnmpCounter.AsnParseErrors);
            SnmpAgentLog.Undecodable(_logger, _agent.Switch.Name, datagram.Length, remote, ex.Message);
            return null;
        }

        if (!message.Security.EngineId.AsSpan().SequenceEqual(_agent.EngineId.AsSpan()))
        {
            // Discovery (empty engine id) lands here too; it is the normal first exchange, not worth a warning.
            return Refuse(message, remote, SnmpCounter.UsmUnknownEngineIds, "unknown engine id", message.Security.EngineId.IsEmpty ? LogLevel.Debug : LogLevel.Warning);
        }

        var failure = check switch
        {
            UsmCheck.UnknownUser => SnmpCounter.UsmUnknownUserNames,
            UsmCheck.UnsupportedSecurityLevel => SnmpCounter.UsmUnsupportedSecLevels,
            UsmCheck.WrongDigest => SnmpCounter.UsmWrongDigests,
            UsmCheck.DecryptionError => SnmpCounter.UsmDecryptionErrors,
            _ => (SnmpCounter?)null,
        };
        if (failure is { } counter)
        {
            return Refuse(message, remote, counter, check.ToString(), LogLevel.Warning);
        }

        var keys = _keys[message.Security.UserName];
        var level = message.Flags & (V3Flags.Auth | V3Flags.Priv);
        if (level.HasFlag(V3Flags.Auth) && !_agent.Engine.IsInWindow(message.Security.EngineBoots, message.Security.EngineTime))
        {
            // A requester resynchronising its clock lands here once (the Report carries boots and time): Debug, not a warning.
            return Refuse(message, remote, SnmpCounter.UsmNotInTimeWindows, "not in time window", LogLevel.Debug, keys);
        }

        var scoped = message.Pdu!;
        if (scoped.ContextName.Length > 0 || !(scoped.ContextEngineId.IsEmpty || scoped.ContextEngineId.AsSpan().SequenceEqual(_agent.EngineId.AsSpan())))
        {
            return Refuse(message, remote, SnmpCounter.UnknownContexts, $"unknown context '{scoped.ContextName}'", LogLevel.Warning, keys, level);
        }

        var pdu = scoped.Pdu;
        if (pdu.Type is not (PduType.GetRequest or PduType.GetNextRequest or PduType.GetBulkRequest or PduType.SetRequest))
        {
            _agent.Counters.Increment(SnmpCounter.UnknownPduHandlers);
            SnmpAgentLog.NoHandler(_logger, _agent.Switch.Name, pdu.Type.ToString(), remote);
            return null;
        }

        int maxSize = Math.Min(_agent.Options.MaxMessageSize, message.MaxSize);
        SnmpPdu? response = (level & LevelOf(keys.User)) != LevelOf(keys.User)
            ? new SnmpPdu(PduType.Response, pdu.RequestId, SnmpErrorStatus.AuthorizationError, 0, pdu.VarBinds)
            : _processor.Respond(pdu, mayWrite: true, p => Encode(message, keys, level, p, salt: 0).Length <= maxSize);
        if (response is null)
        {
            _agent.Counters.Increment(SnmpCounter.SilentDrops);
            SnmpAgentLog.SilentDrop(_logger, _agent.Switch.Name, pdu.Type.ToString(), remote, maxSize);
            return null;
        }

        return Encode(message, keys, level, response, _salts.Next());
    }

    /// <summary>Counts <paramref name="counter"/>, logs at <paramref name="logLevel"/>, and answers with a Report when the request is reportable.</summary>
    private byte[]? Refuse(SnmpV3Message request, EndPoint remote, SnmpCounter counter, string reason, LogLevel logLevel, UsmLocalizedKeys? keys = null, V3Flags level = V3Flags.Auth)
    {
        _agent.Counters.Increment(counter);
        bool reportable = request.Flags.HasFlag(V3Flags.Reportable);
        if (_logger.IsEnabled(logLevel))
        {
            SnmpAgentLog.UsmRefused(
                _logger,
                logLevel,
                _agent.Switch.Name,
                remote,
                reason,
                _agent.Options.LogSensitiveData ? request.Security.UserName : "***",
                reportable ? ": Report sent" : ": dropped (not reportable)");
        }

        if (!reportable)
        {
            return null;
        }

        var report = new SnmpPdu(
            PduType.Report,
            request.Pdu?.Pdu.RequestId ?? 0,
            SnmpErrorStatus.NoError,
            0,
            [AgentStatsGroup.ReportVarBind(_agent, counter)]);
        return keys is null
            ? Encode(request, null, V3Flags.None, report, 0)
            : Encode(request, keys, level, report, _salts.Next());
    }

    private byte[] Encode(SnmpV3Message request, UsmLocalizedKeys? keys, V3Flags level, SnmpPdu pdu, ulong salt)
    {
        var (boots, time) = _agent.Engine.Now();
        var security = new UsmSecurityParameters(_agent.EngineId, boots, time, request.Security.UserName, [], []);
        var scoped = new ScopedPdu(_agent.EngineId, request.Pdu?.ContextName ?? string.Empty, pdu);
        var message = SnmpV3Message.Create(request.MessageId, level, security, scoped, _agent.Options.MaxMessageSize);
        return SnmpV3Codec.Encode(message, keys, salt);
    }
}

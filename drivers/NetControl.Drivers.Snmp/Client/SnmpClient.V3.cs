using System.Collections.Immutable;
using System.Net;
using NetControl.Drivers.Snmp.Codec;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Drivers.Snmp.Security;

namespace NetControl.Drivers.Snmp.Client;

/// <summary>SNMPv3: engine discovery, USM keys per (agent, user), the non-authoritative time window, reports.</summary>
public sealed partial class SnmpClient
{
    private const int MaxMessageSize = 65507;
    private readonly UsmSaltSource _salt = new((ulong)Random.Shared.NextInt64());

    private async Task<SnmpPdu> ExchangeV3Async(SnmpTarget target, PduType type, ImmutableArray<VarBind> varBinds, int nonRepeaters, int maxRepetitions, string operation, CancellationToken cancellationToken)
    {
        var user = target.User!;
        var engine = await DiscoverAsync(target, cancellationToken).ConfigureAwait(false);
        for (int round = 0; ; round++)
        {
            int id = NextId();
            var pdu = Pdu(type, id, varBinds, nonRepeaters, maxRepetitions);
            var (boots, time) = engine.Window.Estimate();
            var flags = V3Flags.Reportable
                | (user.Auth != SnmpAuthProtocol.None ? V3Flags.Auth : V3Flags.None)
                | (user.Priv != SnmpPrivProtocol.None ? V3Flags.Priv : V3Flags.None);
            var message = new SnmpV3Message(
                id,
                MaxMessageSize,
                flags,
                new UsmSecurityParameters(engine.EngineId, boots, time, user.Name, [], []),
                new ScopedPdu(engine.EngineId, target.ContextName, pdu),
                []);
            byte[] datagram = SnmpV3Codec.Encode(message, engine.Keys, _salt.Next());
            var answer = await SendAndWaitAsync(target, id, datagram, operation, null, cancellationToken).ConfigureAwait(false);
            if (answer.Pdu.Type != PduType.Report)
            {
                return answer.Pdu;
            }

            string? report = answer.Pdu.VarBinds.FirstOrDefault()?.Oid;
            if (round == 0 && report is not null && Oid.IsUnder(report, WellKnownOids.UsmStatsNotInTimeWindows))
            {
                // The report carried the engine's boots and time (applied on receipt): try once more.
                continue;
            }

            if (round == 0 && report is not null && Oid.IsUnder(report, WellKnownOids.UsmStatsUnknownEngineIds))
            {
                _engines.TryRemove((target.EndPoint, user.Name), out _);
                engine = await DiscoverAsync(target, cancellationToken).ConfigureAwait(false);
                continue;
            }

            throw new SnmpAuthenticationException(target.Display, ReportReason(report));
        }
    }

    /// <summary>The agent's engine id, boots and time (RFC 3414 4), learned once per agent and user, with keys localized to it.</summary>
    private async Task<RemoteEngine> DiscoverAsync(SnmpTarget target, CancellationToken cancellationToken)
    {
        var key = (target.EndPoint, target.User!.Name);
        if (_engines.TryGetValue(key, out var known))
        {
            return known;
        }

        int id = NextId();
        var probe = new SnmpV3Message(
            id,
            MaxMessageSize,
            V3Flags.Reportable,
            new UsmSecurityParameters([], 0, 0, string.Empty, [], []),
            new ScopedPdu([], string.Empty, new SnmpPdu(PduType.GetRequest, id, SnmpErrorStatus.NoError, 0, [])),
            []);
        var answer = await SendAndWaitAsync(target, id, SnmpV3Codec.Encode(probe, null, 0), "engine discovery", null, cancellationToken).ConfigureAwait(false);
        var security = answer.Security;
        if (security is null || security.EngineId.IsEmpty)
        {
            throw new SnmpException(target.Display, "engine discovery: the agent's report carried no engine id");
        }

        var window = new UsmTimeWindow(_time);
        window.Update(security.EngineBoots, security.EngineTime);
        var engine = new RemoteEngine(security.EngineId, window, target.User.Auth == SnmpAuthProtocol.None ? null : UsmLocalizedKeys.Create(target.User, security.EngineId.AsSpan()));
        return _engines.GetOrAdd(key, engine);
    }

    private void DispatchV3(ReadOnlySpan<byte> datagram, IPEndPoint source)
    {
        var message = SnmpV3Codec.Decode(datagram, name => _engines.TryGetValue((source, name), out var e) ? e.Keys : null, out var check);
        bool unauthenticatedReport = !message.Flags.HasFlag(V3Flags.Auth) && message.Pdu?.Pdu.Type == PduType.Report;
        if (check == UsmCheck.UnknownUser && unauthenticatedReport)
        {
            // Discovery and error reports come without authentication, often for a user we hold no keys for yet.
            check = UsmCheck.Ok;
        }

        if (check != UsmCheck.Ok || message.Pdu is null)
        {
            Drop(source, $"SNMPv3 message {message.MessageId}: {Describe(check)} (user '{LogText.Printable(message.Security.UserName)}')");
            return;
        }

        var security = message.Security;
        if (!unauthenticatedReport && _engines.TryGetValue((source, security.UserName), out var user) && user.Keys is { } keys
            && (!message.Flags.HasFlag(V3Flags.Auth) || (keys.Priv != SnmpPrivProtocol.None && !message.Flags.HasFlag(V3Flags.Priv))))
        {
            // USM accepts a lower level than the user's; we do not: a response must be as protected as our request.
            Drop(source, $"SNMPv3 message {message.MessageId}: security level {message.Flags} below user {security.UserName}'s");
            return;
        }

        if (message.Flags.HasFlag(V3Flags.Auth) && _engines.TryGetValue((source, security.UserName), out var engine))
        {
            // RFC 3414 3.2.7.b: learn the newer clock first, then reject what is older than the window.
            engine.Window.Update(security.EngineBoots, security.EngineTime);
            if (!engine.Window.IsInWindow(security.EngineBoots, security.EngineTime))
            {
                Drop(source, $"SNMPv3 message {message.MessageId}: outside the time window (boots {security.EngineBoots}, time {security.EngineTime})");
                return;
            }
        }
        else if (message.Pdu.Pdu.Type == PduType.Report)
        {
            // Unauthenticated reports (discovery, not-in-time-window) carry the engine's clock.
            foreach (var (key, e) in _engines)
            {
                if (key.Item1.Equals(source) && e.EngineId.SequenceEqual(security.EngineId))
                {
                    e.Window.Update(security.EngineBoots, security.EngineTime);
                }
            }
        }

        Complete(message.MessageId, message.Pdu.Pdu, source, security);
    }

    private static string Describe(UsmCheck check) => check switch
    {
        UsmCheck.UnknownUser => "unknown user",
        UsmCheck.WrongDigest => "wrong digest",
        UsmCheck.DecryptionError => "decryption error",
        UsmCheck.UnsupportedSecurityLevel => "unsupported security level",
        _ => check.ToString(),
    };

    private static string ReportReason(string? oid) => oid switch
    {
        null => "report without a varbind",
        _ when Oid.IsUnder(oid, WellKnownOids.UsmStatsUnknownUserNames) => "unknown user name",
        _ when Oid.IsUnder(oid, WellKnownOids.UsmStatsWrongDigests) => "wrong digest (authentication password or protocol)",
        _ when Oid.IsUnder(oid, WellKnownOids.UsmStatsDecryptionErrors) => "decryption error (privacy password or protocol)",
        _ when Oid.IsUnder(oid, WellKnownOids.UsmStatsUnsupportedSecLevels) => "security level not supported for this user",
        _ when Oid.IsUnder(oid, WellKnownOids.UsmStatsNotInTimeWindows) => "not in time window after resynchronising",
        _ when Oid.IsUnder(oid, WellKnownOids.UsmStatsUnknownEngineIds) => "unknown engine id after rediscovery",
        _ => $"report {oid}",
    };

    /// <summary>What we know of one agent's engine for one user.</summary>
    private sealed record RemoteEngine(ImmutableArray<byte> EngineId, UsmTimeWindow Window, UsmLocalizedKeys? Keys);
}

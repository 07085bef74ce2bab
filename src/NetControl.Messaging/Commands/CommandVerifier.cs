using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using NetControl.Messaging.Contracts;

namespace NetControl.Messaging.Commands;

/// <summary>
/// The agent's gate for controller commands: the envelope must carry a signature by a known controller key over
/// its payload, the payload must be a command for this agent, inside its validity (with the allowed clock skew, and
/// no longer than the allowed lifetime), never seen before (command ids are remembered until they expire), and ask
/// only for allowed operations and step kinds. Anything else is refused with a <see cref="CommandRejection"/> and a
/// one-line reason; nothing here throws on bad input. Thread-safe.
/// </summary>
public sealed class CommandVerifier(CommandVerifierOptions options, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public CommandVerdict Verify(ReadOnlySequence<byte> envelope)
    {
        SignedCommand? signed;
        try
        {
            var reader = new Utf8JsonReader(envelope, new JsonReaderOptions { MaxDepth = 8 });
            signed = JsonSerializer.Deserialize(ref reader, MessagingJsonContext.Default.SignedCommand);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return CommandVerdict.Refuse(CommandRejection.Malformed, $"not a signed command: {DecodeError.OneLine(ex.Message)}");
        }

        if (signed is null || signed.Payload is null || signed.KeyId is null)
        {
            return CommandVerdict.Refuse(CommandRejection.Malformed, "not a signed command: payload and keyId are required");
        }

        if (signed.Signature is not { Length: > 0 })
        {
            return CommandVerdict.Refuse(CommandRejection.Unsigned, "the command carries no signature");
        }

        if (!options.Keys.TryGetValue(signed.KeyId, out var key))
        {
            return CommandVerdict.Refuse(CommandRejection.UnknownKey, $"signed with key '{DecodeError.OneLine(signed.KeyId)}', which this agent does not know");
        }

        if (!key.VerifyData(signed.Payload, signed.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            return CommandVerdict.Refuse(CommandRejection.BadSignature, $"the signature does not match the payload under key '{signed.KeyId}'");
        }

        AgentCommand? command;
        try
        {
            command = JsonSerializer.Deserialize(signed.Payload, MessagingJsonContext.Default.AgentCommand);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return CommandVerdict.Refuse(CommandRejection.Malformed, $"signed, but not a command: {DecodeError.OneLine(ex.Message)}");
        }

        return command is null ? CommandVerdict.Refuse(CommandRejection.Malformed, "signed, but null") : Check(command);
    }

    private CommandVerdict Check(AgentCommand c)
    {
        if (c.CommandId is not { Length: > 0 } || c.AgentId is null || c.Operation is null || c.Steps is null)
        {
            return CommandVerdict.Refuse(CommandRejection.Malformed, "signed, but commandId, agentId, operation or steps is missing");
        }

        var now = _time.GetUtcNow();
        string id = DecodeError.OneLine(c.CommandId);
        string? badKind = c.Steps.Where(s => s?.Kind is null || !options.AllowedStepKinds.Contains(s.Kind)).Select(s => s?.Kind ?? "null").FirstOrDefault();
        CommandVerdict? refusal =
            !string.Equals(c.AgentId, options.AgentId, StringComparison.Ordinal) ? Refuse(CommandRejection.WrongAgent, $"command {id} is for agent '{DecodeError.OneLine(c.AgentId)}'")
            : c.ExpiresAt <= c.IssuedAt || c.ExpiresAt - c.IssuedAt > options.MaxLifetime ? Refuse(CommandRejection.BadLifetime, $"command {id} claims {(c.ExpiresAt - c.IssuedAt).TotalSeconds:0.#} s of validity (at most {options.MaxLifetime.TotalSeconds:0} s)")
            : c.IssuedAt > now + options.MaxClockSkew ? Refuse(CommandRejection.BadLifetime, $"command {id} is issued {(c.IssuedAt - now).TotalSeconds:0.#} s in the future")
            : now > c.ExpiresAt + options.MaxClockSkew ? Refuse(CommandRejection.Expired, $"command {id} expired {(now - c.ExpiresAt).TotalSeconds:0.#} s ago")
            : !options.AllowedOperations.Contains(c.Operation) ? Refuse(CommandRejection.NotAllowed, $"command {id}: operation '{DecodeError.OneLine(c.Operation)}' is not allowed")
            : badKind is not null ? Refuse(CommandRejection.NotAllowed, $"command {id}: step kind '{DecodeError.OneLine(badKind)}' is not allowed")
            : null;
        if (refusal is not null)
        {
            return refusal with { About = c };
        }

        lock (_gate)
        {
            foreach (var (old, until) in _seen.Where(e => e.Value < now).ToList())
            {
                _seen.Remove(old);
            }

            if (_seen.ContainsKey(c.CommandId))
            {
                return Refuse(CommandRejection.Replayed, $"command {id} was already received") with { About = c };
            }

            if (_seen.Count >= options.MaxRemembered)
            {
                return Refuse(CommandRejection.NotAllowed, $"command {id}: {options.MaxRemembered} unexpired commands already remembered") with { About = c };
            }

            _seen.Add(c.CommandId, c.ExpiresAt + options.MaxClockSkew);
        }

        return CommandVerdict.Accept(c);

        static CommandVerdict Refuse(CommandRejection rejection, string reason) => CommandVerdict.Refuse(rejection, reason);
    }
}

using System.Buffers;
using System.Text.Json;

namespace NetControl.Messaging.Contracts;

/// <summary>
/// Encodes and decodes the JSON contracts. Decoding never throws for bad input: it returns a
/// <see cref="DecodeError"/> saying what and where. Decoding reads straight from the MQTT payload sequence.
/// </summary>
public static class MessageCodec
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16 };

    /// <summary>Largest payload decoded (4 MiB).</summary>
    public const int MaxPayloadBytes = 4 * 1024 * 1024;

    public static byte[] EncodeSummary(ProbeSummary summary) =>
        JsonSerializer.SerializeToUtf8Bytes(summary, MessagingJsonContext.Default.ProbeSummary);

    public static byte[] EncodeBatch(ProbeSummaryBatch batch) =>
        JsonSerializer.SerializeToUtf8Bytes(batch, MessagingJsonContext.Default.ProbeSummaryBatch);

    public static byte[] EncodeStatus(AgentStatusMessage status) =>
        JsonSerializer.SerializeToUtf8Bytes(status, MessagingJsonContext.Default.AgentStatusMessage);

    /// <summary>
    /// Writes a batch envelope around summaries that are already encoded (<see cref="EncodeSummary"/>), without
    /// re-serializing them: what the agent's store-and-forward queue sends.
    /// </summary>
    public static void WriteBatch(IBufferWriter<byte> output, string agentId, IReadOnlyList<ReadOnlyMemory<byte>> encodedSummaries)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        writer.WriteStartObject();
        writer.WriteString("agentId"u8, agentId);
        writer.WriteStartArray("summaries"u8);
        foreach (var summary in encodedSummaries)
        {
            writer.WriteRawValue(summary.Span, skipInputValidation: true);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Decodes a measurements payload published on <paramref name="topic"/> by <paramref name="topicAgentId"/>.</summary>
    public static bool TryDecodeBatch(in ReadOnlySequence<byte> payload, string topic, ReadOnlySpan<char> topicAgentId, out ProbeSummaryBatch? batch, out DecodeError? error)
    {
        batch = null;
        error = CheckSize(payload, topic);
        if (error is not null)
        {
            return false;
        }

        ProbeSummaryBatch decoded;
        try
        {
            decoded = BatchReader.Read(payload, ReaderOptions);
        }
        catch (BatchFormatException ex)
        {
            error = new DecodeError(ex.Kind, topic, ex.Path, ex.BytePosition, ex.Message);
            return false;
        }
        catch (JsonException ex)
        {
            error = new DecodeError(DecodeErrorKind.InvalidJson, topic, ex.Path, ex.BytePositionInLine, FirstSentence(ex.Message));
            return false;
        }

        error = Validate(decoded, topic, topicAgentId);
        if (error is not null)
        {
            return false;
        }

        batch = decoded;
        return true;
    }

    /// <summary>Decodes a status payload published on <paramref name="topic"/> by <paramref name="topicAgentId"/>.</summary>
    public static bool TryDecodeStatus(in ReadOnlySequence<byte> payload, string topic, ReadOnlySpan<char> topicAgentId, out AgentStatusMessage? status, out DecodeError? error)
    {
        status = null;
        if (!TryDeserialize(payload, topic, MessagingJsonContext.Default.AgentStatusMessage, out var decoded, out error))
        {
            return false;
        }

        if (!topicAgentId.SequenceEqual(decoded!.AgentId))
        {
            error = new DecodeError(DecodeErrorKind.AgentMismatch, topic, "$.agentId", null, $"status names agent '{decoded.AgentId}'");
            return false;
        }

        status = decoded;
        return true;
    }

    /// <summary>Throwing variant of <see cref="TryDecodeBatch"/> (tools, tests).</summary>
    public static ProbeSummaryBatch DecodeBatch(ReadOnlySequence<byte> payload, string topic, string topicAgentId) =>
        TryDecodeBatch(payload, topic, topicAgentId, out var batch, out var error) ? batch! : throw new MessageDecodeException(error!);

    private static bool TryDeserialize<T>(in ReadOnlySequence<byte> payload, string topic, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, out T? value, out DecodeError? error)
        where T : class
    {
        value = null;
        error = CheckSize(payload, topic);
        if (error is not null)
        {
            return false;
        }

        var reader = new Utf8JsonReader(payload, ReaderOptions);
        try
        {
            value = JsonSerializer.Deserialize(ref reader, type);
            if (value is null)
            {
                error = new DecodeError(DecodeErrorKind.InvalidJson, topic, "$", 0, "null instead of an object");
                return false;
            }

            // Deserialize stops after the first value; anything after it is garbage.
            if (reader.Read())
            {
                error = new DecodeError(DecodeErrorKind.InvalidJson, topic, "$", reader.TokenStartIndex, "data after the end of the JSON value");
                value = null;
                return false;
            }

            return true;
        }
        catch (JsonException ex)
        {
            var kind = ex.Message.Contains("missing required properties", StringComparison.Ordinal) ? DecodeErrorKind.MissingProperty : DecodeErrorKind.InvalidJson;
            error = new DecodeError(kind, topic, ex.Path, ex.BytePositionInLine, FirstSentence(ex.Message));
            return false;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // The converters surface some malformed values this way; a receive loop must never see them.
            error = new DecodeError(DecodeErrorKind.InvalidJson, topic, null, reader.BytesConsumed, ex.Message);
            return false;
        }
    }

    private static DecodeError? CheckSize(in ReadOnlySequence<byte> payload, string topic) =>
        payload.IsEmpty ? new DecodeError(DecodeErrorKind.Empty, topic, null, null, "empty payload")
        : payload.Length > MaxPayloadBytes ? new DecodeError(DecodeErrorKind.TooLarge, topic, null, null, $"{payload.Length} bytes is over the {MaxPayloadBytes} byte limit")
        : null;

    private static DecodeError? Validate(ProbeSummaryBatch batch, string topic, ReadOnlySpan<char> topicAgentId)
    {
        if (!topicAgentId.SequenceEqual(batch.AgentId))
        {
            return new DecodeError(DecodeErrorKind.AgentMismatch, topic, "$.agentId", null, $"batch names agent '{batch.AgentId}'");
        }

        if (batch.Summaries.Count == 0)
        {
            return new DecodeError(DecodeErrorKind.Empty, topic, "$.summaries", null, "no summaries");
        }

        for (int i = 0; i < batch.Summaries.Count; i++)
        {
            string? problem = Problem(batch.Summaries[i], batch.AgentId, out string property);
            if (problem is not null)
            {
                var kind = property == "agentId" ? DecodeErrorKind.AgentMismatch : DecodeErrorKind.InvalidValue;
                return new DecodeError(kind, topic, $"$.summaries[{i}].{property}", null, problem);
            }
        }

        return null;
    }

    private static string? Problem(ProbeSummary? s, string agentId, out string property)
    {
        property = string.Empty;
        if (s is null)
        {
            return "null summary";
        }

        (property, string? problem) = s switch
        {
            _ when !string.Equals(s.AgentId, agentId, StringComparison.Ordinal) => ("agentId", $"summary names agent '{s.AgentId}'"),
            _ when s.TargetId.Length == 0 => ("targetId", "empty"),
            _ when s.Sequence <= 0 => ("sequence", $"{s.Sequence} is not positive"),
            _ when s.IntervalUs <= 0 => ("intervalUs", $"{s.IntervalUs} is not positive"),
            _ when s.Sent < 0 || s.Received < 0 || s.Lost < 0 || s.Duplicates < 0 || s.Reordered < 0 => ("sent", "negative packet count"),
            _ when !(s.LossRatio >= 0 && s.LossRatio <= 1) => ("lossRatio", $"{s.LossRatio} is outside 0..1"),
            _ when s.AvailableBandwidth is { } b && (b.LowBps < 0 || b.HighBps < b.LowBps) => ("availableBandwidth", $"range {b.LowBps}..{b.HighBps} is not ordered"),
            _ => (string.Empty, null),
        };
        return problem;
    }

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends " Path: ... | LineNumber: ... | BytePositionInLine: ..."; we carry those separately.
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return DecodeError.OneLine(cut > 0 ? message[..cut] : message);
    }
}

using System.Buffers;
using System.Text.Json;

namespace NetControl.Messaging.Contracts;

/// <summary>
/// Reads a measurements payload (<see cref="ProbeSummaryBatch"/>) straight off a <see cref="Utf8JsonReader"/>, one token
/// at a time, without the serializer's metadata walk: the ingest hot path. It accepts exactly what the contract's
/// System.Text.Json form accepts (camelCase names, unknown properties skipped, the last of duplicate properties wins,
/// nullable figures may be null) and is stricter where the serializer is loose (a required string may not be null, the
/// clock must be one of its names). Repeated strings (agent, target and link ids) come from a per-thread cache instead
/// of a new string per summary. Failures throw <see cref="BatchFormatException"/> or <see cref="JsonException"/>;
/// <see cref="MessageCodec.TryDecodeBatch"/> turns both into a <see cref="DecodeError"/>.
/// </summary>
internal static class BatchReader
{
    private const int MaxCachedChars = 128;

    /// <summary>About the smallest encoded summary: sizes the list up front from the payload length.</summary>
    private const int TypicalSummaryBytes = 300;

    [ThreadStatic]
    private static StringCache? t_strings;

    public static ProbeSummaryBatch Read(in ReadOnlySequence<byte> payload, JsonReaderOptions options)
    {
        var strings = t_strings ??= new StringCache();
        var reader = new Utf8JsonReader(payload, options);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new BatchFormatException(DecodeErrorKind.InvalidJson, "$", reader.TokenStartIndex, $"{Describe(reader.TokenType)} instead of an object");
        }

        string? agentId = null;
        List<ProbeSummary>? summaries = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("agentId"u8))
            {
                reader.Read();
                agentId = RequiredString(ref reader, strings, "$.agentId");
            }
            else if (reader.ValueTextEquals("summaries"u8))
            {
                reader.Read();
                summaries = ReadSummaries(ref reader, strings, (int)Math.Clamp(payload.Length / TypicalSummaryBytes, 1, 1024));
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (agentId is null || summaries is null)
        {
            throw new BatchFormatException(DecodeErrorKind.MissingProperty, "$", null, $"missing required property '{(agentId is null ? "agentId" : "summaries")}'");
        }

        if (reader.Read())
        {
            throw new BatchFormatException(DecodeErrorKind.InvalidJson, "$", reader.TokenStartIndex, "data after the end of the JSON value");
        }

        return new ProbeSummaryBatch { AgentId = agentId, Summaries = summaries };
    }

    private static List<ProbeSummary> ReadSummaries(ref Utf8JsonReader reader, StringCache strings, int expected)
    {
        Expect(ref reader, JsonTokenType.StartArray, "$.summaries", "an array");
        var list = new List<ProbeSummary>(expected);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                throw new BatchFormatException(DecodeErrorKind.InvalidValue, $"$.summaries[{list.Count}]", reader.TokenStartIndex, "null summary");
            }

            Expect(ref reader, JsonTokenType.StartObject, $"$.summaries[{list.Count}]", "an object");
            list.Add(ReadSummary(ref reader, strings, list.Count));
        }

        return list;
    }

    private static ProbeSummary ReadSummary(ref Utf8JsonReader reader, StringCache strings, int index)
    {
        string? agentId = null, targetId = null, linkId = null;
        long? sequence = null, intervalUs = null;
        DateTimeOffset? intervalStart = null;
        long sent = 0, received = 0, lost = 0, duplicates = 0, reordered = 0;
        double lossRatio = 0;
        long? rttMin = null, rttMedian = null, rttP95 = null, rttMax = null;
        double? jitter = null, ipdv = null, pdv = null;
        BandwidthRange? bandwidth = null;
        var clock = default(ProbeClock);
        var field = new Field(index);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Name(ref reader);
            reader.Read();
            field.Name = name;
            switch (name)
            {
                case SummaryName.AgentId: agentId = RequiredString(ref reader, strings, field.Path); break;
                case SummaryName.TargetId: targetId = RequiredString(ref reader, strings, field.Path); break;
                case SummaryName.LinkId: linkId = reader.TokenType == JsonTokenType.Null ? null : RequiredString(ref reader, strings, field.Path); break;
                case SummaryName.Sequence: sequence = Integer(ref reader, field); break;
                case SummaryName.IntervalStart: intervalStart = Time(ref reader, field); break;
                case SummaryName.IntervalUs: intervalUs = Integer(ref reader, field); break;
                case SummaryName.Sent: sent = Integer(ref reader, field); break;
                case SummaryName.Received: received = Integer(ref reader, field); break;
                case SummaryName.Lost: lost = Integer(ref reader, field); break;
                case SummaryName.LossRatio: lossRatio = Real(ref reader, field); break;
                case SummaryName.Duplicates: duplicates = Integer(ref reader, field); break;
                case SummaryName.Reordered: reordered = Integer(ref reader, field); break;
                case SummaryName.RttMinUs: rttMin = OptionalInteger(ref reader, field); break;
                case SummaryName.RttMedianUs: rttMedian = OptionalInteger(ref reader, field); break;
                case SummaryName.RttP95Us: rttP95 = OptionalInteger(ref reader, field); break;
                case SummaryName.RttMaxUs: rttMax = OptionalInteger(ref reader, field); break;
                case SummaryName.JitterUs: jitter = OptionalReal(ref reader, field); break;
                case SummaryName.IpdvUs: ipdv = OptionalReal(ref reader, field); break;
                case SummaryName.PdvUs: pdv = OptionalReal(ref reader, field); break;
                case SummaryName.AvailableBandwidth: bandwidth = Bandwidth(ref reader, field); break;
                case SummaryName.Clock: clock = Clock(ref reader, field); break;
                default: reader.Skip(); break;
            }
        }

        string? missing = agentId is null ? "agentId" : targetId is null ? "targetId" : sequence is null ? "sequence" : intervalStart is null ? "intervalStart" : intervalUs is null ? "intervalUs" : null;
        if (missing is not null)
        {
            throw new BatchFormatException(DecodeErrorKind.MissingProperty, $"$.summaries[{index}]", reader.TokenStartIndex, $"missing required property '{missing}'");
        }

        return new ProbeSummary
        {
            AgentId = agentId!,
            TargetId = targetId!,
            LinkId = linkId,
            Sequence = sequence!.Value,
            IntervalStart = intervalStart!.Value,
            IntervalUs = intervalUs!.Value,
            Sent = sent,
            Received = received,
            Lost = lost,
            LossRatio = lossRatio,
            Duplicates = duplicates,
            Reordered = reordered,
            RttMinUs = rttMin,
            RttMedianUs = rttMedian,
            RttP95Us = rttP95,
            RttMaxUs = rttMax,
            JitterUs = jitter,
            IpdvUs = ipdv,
            PdvUs = pdv,
            AvailableBandwidth = bandwidth,
            Clock = clock,
        };
    }

    private static SummaryName Name(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            // Rare (an escaped name, or one split across payload segments): compare one name at a time.
            foreach (var (text, value) in SummaryNames.All)
            {
                if (reader.ValueTextEquals(text))
                {
                    return value;
                }
            }

            return SummaryName.Unknown;
        }

        return SummaryNames.Of(reader.ValueSpan);
    }

    private static BandwidthRange? Bandwidth(ref Utf8JsonReader reader, Field field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartObject, field.Path, "an object");
        long? low = null, high = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isLow = reader.ValueTextEquals("lowBps"u8);
            bool isHigh = !isLow && reader.ValueTextEquals("highBps"u8);
            reader.Read();
            if (isLow)
            {
                low = Integer(ref reader, field);
            }
            else if (isHigh)
            {
                high = Integer(ref reader, field);
            }
            else
            {
                reader.Skip();
            }
        }

        if (low is null || high is null)
        {
            throw new BatchFormatException(DecodeErrorKind.MissingProperty, field.Path, reader.TokenStartIndex, $"missing required property '{(low is null ? "lowBps" : "highBps")}'");
        }

        return new BandwidthRange(low.Value, high.Value);
    }

    private static ProbeClock Clock(ref Utf8JsonReader reader, Field field)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            if (reader.ValueTextEquals("kernel"u8))
            {
                return ProbeClock.Kernel;
            }

            if (reader.ValueTextEquals("pcap"u8))
            {
                return ProbeClock.Pcap;
            }

            if (reader.ValueTextEquals("user"u8))
            {
                return ProbeClock.User;
            }
        }

        throw new BatchFormatException(DecodeErrorKind.InvalidJson, field.Path, reader.TokenStartIndex, "the clock must be \"kernel\", \"pcap\" or \"user\"");
    }

    private static long Integer(ref Utf8JsonReader reader, Field field) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long value)
            ? value
            : throw new BatchFormatException(DecodeErrorKind.InvalidJson, field.Path, reader.TokenStartIndex, $"{Describe(reader.TokenType)} instead of an integer");

    private static long? OptionalInteger(ref Utf8JsonReader reader, Field field) =>
        reader.TokenType == JsonTokenType.Null ? null : Integer(ref reader, field);

    private static double Real(ref Utf8JsonReader reader, Field field) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double value) && double.IsFinite(value)
            ? value
            : throw new BatchFormatException(DecodeErrorKind.InvalidJson, field.Path, reader.TokenStartIndex, $"{Describe(reader.TokenType)} instead of a finite number");

    private static double? OptionalReal(ref Utf8JsonReader reader, Field field) =>
        reader.TokenType == JsonTokenType.Null ? null : Real(ref reader, field);

    private static DateTimeOffset Time(ref Utf8JsonReader reader, Field field) =>
        reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value)
            ? value
            : throw new BatchFormatException(DecodeErrorKind.InvalidJson, field.Path, reader.TokenStartIndex, $"{Describe(reader.TokenType)} instead of an ISO 8601 time");

    private static string RequiredString(ref Utf8JsonReader reader, StringCache strings, string path)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new BatchFormatException(DecodeErrorKind.InvalidJson, path, reader.TokenStartIndex, $"{Describe(reader.TokenType)} instead of a string");
        }

        try
        {
            int length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
            if (length > MaxCachedChars)
            {
                return reader.GetString()!;
            }

            Span<char> buffer = stackalloc char[MaxCachedChars];
            int written = reader.CopyString(buffer);
            return strings.Get(buffer[..written]);
        }
        catch (InvalidOperationException ex)
        {
            // Not valid UTF-8 (the reader checks escapes, not the bytes of plain text, until the text is read).
            throw new BatchFormatException(DecodeErrorKind.InvalidJson, path, reader.TokenStartIndex, DecodeError.OneLine(ex.Message));
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string path, string what)
    {
        if (reader.TokenType != type)
        {
            throw new BatchFormatException(DecodeErrorKind.InvalidJson, path, reader.TokenStartIndex, $"{Describe(reader.TokenType)} instead of {what}");
        }
    }

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "nothing",
    };

    /// <summary>Where in the batch a value is; the path string is built only when it is needed (an error).</summary>
    private struct Field(int index)
    {
        public SummaryName Name;

        public readonly string Path => $"$.summaries[{index}].{SummaryNames.Text(Name)}";
    }
}

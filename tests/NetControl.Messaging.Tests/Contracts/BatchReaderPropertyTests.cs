using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NetControl.Messaging.Contracts;
using NetControl.Messaging.Tests.Support;

namespace NetControl.Messaging.Tests.Contracts;

/// <summary>
/// The hand-written batch reader against the contract's System.Text.Json form: random valid batches (random property
/// order, optional figures absent or null, unknown properties, escaped names, whitespace) decode to exactly what the
/// serializer decodes; random and mutated bytes never throw and never hang, and whatever the reader accepts the
/// serializer accepts with the same content.
/// </summary>
public sealed class BatchReaderPropertyTests
{
    private const string Agent = "agent-a";
    private const string Topic = "netcontrol/v1/agents/agent-a/measurements";
    private const string Inserted = "{}[],:\"0-.en";

    [Fact]
    public void TryDecodeBatch_RandomValidBatches_EqualsSerializer()
    {
        var random = new Random(8762);
        for (int trial = 0; trial < 3_000; trial++)
        {
            var summaries = Enumerable.Range(1, random.Next(1, 6)).Select(i => RandomSummary(random, i)).ToList();
            byte[] payload = Encoding.UTF8.GetBytes(WriteBatch(random, summaries));

            bool ok = MessageCodec.TryDecodeBatch(new ReadOnlySequence<byte>(payload), Topic, Agent, out var batch, out var error);

            Assert.True(ok, $"trial {trial}: {error} in {Encoding.UTF8.GetString(payload)}");
            Assert.Equal(summaries, batch!.Summaries);
            var reference = JsonSerializer.Deserialize(payload, MessagingJsonContext.Default.ProbeSummaryBatch)!;
            Assert.Equal(reference.Summaries, batch.Summaries);
        }
    }

    [Fact]
    public void TryDecodeBatch_MutatedPayloads_NeverThrowsAndAgreesWithSerializer()
    {
        var random = new Random(7680);
        int accepted = 0, refused = 0;
        for (int trial = 0; trial < 20_000; trial++)
        {
            var summaries = Enumerable.Range(1, random.Next(1, 4)).Select(i => RandomSummary(random, i)).ToList();
            byte[] payload = Mutate(random, Encoding.UTF8.GetBytes(WriteBatch(random, summaries)));

            bool ok = MessageCodec.TryDecodeBatch(new ReadOnlySequence<byte>(payload), Topic, Agent, out var batch, out var error);

            if (!ok)
            {
                refused++;
                Assert.NotNull(error);
                Assert.DoesNotContain('\n', error.ToString());
                continue;
            }

            accepted++;
            var reference = JsonSerializer.Deserialize(payload, MessagingJsonContext.Default.ProbeSummaryBatch);
            Assert.Equal(reference!.Summaries, batch!.Summaries);
        }

        // Both outcomes must be exercised, or the mutations prove nothing.
        Assert.InRange(accepted, 100, 19_900);
        Assert.InRange(refused, 100, 19_900);
    }

    [Fact]
    public void TryDecodeBatch_RandomBytes_ReturnsError()
    {
        var random = new Random(8972);
        for (int trial = 0; trial < 20_000; trial++)
        {
            byte[] payload = new byte[random.Next(1, 200)];
            random.NextBytes(payload);
            if (random.Next(2) == 0)
            {
                payload[0] = (byte)'{';
            }

            Assert.False(MessageCodec.TryDecodeBatch(new ReadOnlySequence<byte>(payload), Topic, Agent, out _, out var error));
            Assert.NotNull(error);
        }
    }

    [Theory]
    [InlineData("{\"agentId\":\"agent-a\",\"summaries\":[{\"agentId\":\"agent-a\",\"targetId\":null,\"sequence\":1,\"intervalStart\":\"2026-11-23T12:00:00Z\",\"intervalUs\":1}]}", DecodeErrorKind.InvalidJson, "$.summaries[0].targetId")]
    [InlineData("{\"agentId\":\"agent-a\",\"summaries\":[null]}", DecodeErrorKind.InvalidValue, "$.summaries[0]")]
    [InlineData("{\"agentId\":\"agent-a\",\"summaries\":null}", DecodeErrorKind.InvalidJson, "$.summaries")]
    [InlineData("{\"summaries\":[]}", DecodeErrorKind.MissingProperty, "$")]
    [InlineData("[1,2]", DecodeErrorKind.InvalidJson, "$")]
    [InlineData("{\"agentId\":\"agent-a\",\"summaries\":[{\"agentId\":\"agent-a\",\"targetId\":\"t\",\"sequence\":1,\"intervalStart\":\"2026-11-23T12:00:00Z\",\"intervalUs\":1,\"availableBandwidth\":{\"lowBps\":1}}]}", DecodeErrorKind.MissingProperty, "$.summaries[0].availableBandwidth")]
    [InlineData("{\"agentId\":\"agent-a\",\"summaries\":[{\"agentId\":\"agent-a\",\"targetId\":\"t\",\"sequence\":1,\"intervalStart\":\"yesterday\",\"intervalUs\":1}]}", DecodeErrorKind.InvalidJson, "$.summaries[0].intervalStart")]
    [InlineData("{\"agentId\":\"agent-a\",\"summaries\":[{\"agentId\":\"agent-a\",\"targetId\":\"t\",\"sequence\":1.5,\"intervalStart\":\"2026-11-23T12:00:00Z\",\"intervalUs\":1}]}", DecodeErrorKind.InvalidJson, "$.summaries[0].sequence")]
    public void TryDecodeBatch_InvalidValue_SaysKindAndPath(string payload, DecodeErrorKind kind, string path)
    {
        bool ok = MessageCodec.TryDecodeBatch(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(payload)), Topic, Agent, out _, out var error);

        Assert.False(ok);
        Assert.Equal(kind, error!.Kind);
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void TryDecodeBatch_PayloadSplitAcrossSegments_DecodesTheSame()
    {
        var summaries = Enumerable.Range(1, 3).Select(i => RandomSummary(new Random(i), i)).ToList();
        byte[] payload = MessageCodec.EncodeBatch(new ProbeSummaryBatch { AgentId = Agent, Summaries = summaries });

        for (int cut = 1; cut < payload.Length; cut += 7)
        {
            Assert.True(MessageCodec.TryDecodeBatch(Segments.Split(payload, cut), Topic, Agent, out var batch, out var error), error?.ToString());
            Assert.Equal(summaries, batch!.Summaries);
        }
    }

    [Fact]
    public void Get_PastCapacity_StillReturnsEqualStrings()
    {
        var cache = new StringCache();
        for (int i = 0; i < StringCache.Capacity + 10; i++)
        {
            cache.Get(i.ToString(CultureInfo.InvariantCulture));
        }

        string again = cache.Get("7");

        Assert.Equal(StringCache.Capacity, cache.Count);
        Assert.Same(again, cache.Get("7"));
        Assert.Equal("99999999", cache.Get("99999999"));
    }

    private static ProbeSummary RandomSummary(Random random, int sequence)
    {
        bool replies = random.Next(5) != 0;
        return new ProbeSummary
        {
            AgentId = Agent,
            TargetId = random.Next(4) == 0 ? "tärget \"q\" \\ é" : $"reflector-{random.Next(30)}",
            LinkId = random.Next(3) == 0 ? null : $"link-{random.Next(50)}",
            Sequence = sequence,
            IntervalStart = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.FromHours(random.Next(-3, 4))).AddTicks(random.NextInt64(0, TimeSpan.TicksPerDay)),
            IntervalUs = random.Next(1, 10_000_000),
            Sent = random.Next(0, 1000),
            Received = random.Next(0, 1000),
            Lost = random.Next(0, 100),
            LossRatio = random.NextDouble(),
            Duplicates = random.Next(0, 3),
            Reordered = random.Next(0, 3),
            RttMinUs = replies ? random.NextInt64(0, 1L << 40) : null,
            RttMedianUs = replies ? random.Next() : null,
            RttP95Us = replies ? random.Next() : null,
            RttMaxUs = replies ? random.Next() : null,
            JitterUs = replies && random.Next(2) == 0 ? random.NextDouble() * 1e4 : null,
            IpdvUs = replies ? Math.Round(random.NextDouble() * 100, 3) : null,
            PdvUs = replies ? random.Next(0, 5000) : null,
            AvailableBandwidth = random.Next(2) == 0 ? new BandwidthRange(random.NextInt64(0, 1L << 33), random.NextInt64(1L << 33, 1L << 34)) : null,
            Clock = (ProbeClock)random.Next(3),
        };
    }

    /// <summary>The batch as JSON with its properties shuffled, nulls sometimes written and sometimes left out, an unknown property here and there and now and then an escaped name.</summary>
    private static string WriteBatch(Random random, IReadOnlyList<ProbeSummary> summaries)
    {
        var parts = new List<string>
        {
            $"\"agentId\":{JsonSerializer.Serialize(Agent)}",
            $"\"summaries\":[{string.Join(",", summaries.Select(s => WriteSummary(random, s)))}]",
        };
        if (random.Next(4) == 0)
        {
            parts.Add("\"comment\":{\"nested\":[1,{\"a\":null}]}");
        }

        return "{ " + string.Join(random.Next(2) == 0 ? "," : " ,\n ", Shuffle(random, parts)) + " }";
    }

    private static string WriteSummary(Random random, ProbeSummary s)
    {
        using var document = JsonDocument.Parse(MessageCodec.EncodeSummary(s));
        var parts = new List<string>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            string name = random.Next(40) == 0 ? Escape(property.Name) : property.Name;
            parts.Add($"\"{name}\":{property.Value.GetRawText()}");
        }

        foreach (string optional in new[] { "linkId", "rttMinUs", "jitterUs", "availableBandwidth" })
        {
            if (!document.RootElement.TryGetProperty(optional, out _) && random.Next(2) == 0)
            {
                parts.Add($"\"{optional}\":null");
            }
        }

        if (random.Next(5) == 0)
        {
            parts.Add("\"futureField\":[true,false,\"x\"]");
        }

        return "{" + string.Join(",", Shuffle(random, parts)) + "}";
    }

    private static string Escape(string name) => string.Concat(name.Select((c, i) => i == 0 ? $"\\u{(int)c:x4}" : c.ToString()));

    private static List<string> Shuffle(Random random, List<string> items) => items.OrderBy(_ => random.Next()).ToList();

    private static byte[] Mutate(Random random, byte[] payload)
    {
        var bytes = payload.ToList();
        int edits = random.Next(1, 4);
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.RemoveAt(at); break;
                case 2: bytes.Insert(at, (byte)Inserted[random.Next(Inserted.Length)]); break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break;
                default: bytes[at] = (byte)"0123456789"[random.Next(10)]; break;
            }
        }

        return bytes.ToArray();
    }
}

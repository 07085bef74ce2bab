using System.Buffers;
using System.Text;
using NetControl.Messaging.Contracts;
using NetControl.Messaging.Tests.Support;

namespace NetControl.Messaging.Tests.Contracts;

public sealed class MessageCodecTests
{
    private const string Topic = "netcontrol/v1/agents/agent-a/measurements";

    [Fact]
    public void EncodeBatch_RoundTrip_IsIdentical()
    {
        var batch = new ProbeSummaryBatch { AgentId = "agent-a", Summaries = [.. Enumerable.Range(1, 3).Select(i => Summaries.Make("agent-a", i) with { Sequence = i })] };

        var decoded = MessageCodec.DecodeBatch(new ReadOnlySequence<byte>(MessageCodec.EncodeBatch(batch)), Topic, "agent-a");

        Assert.Equal(batch.Summaries, decoded.Summaries);
    }

    [Fact]
    public void WriteBatch_PreEncodedSummaries_DecodesToSameSummaries()
    {
        var summaries = Enumerable.Range(1, 5).Select(i => Summaries.Make("agent-a", i) with { Sequence = i }).ToList();
        var buffer = new ArrayBufferWriter<byte>();

        MessageCodec.WriteBatch(buffer, "agent-a", [.. summaries.Select(s => (ReadOnlyMemory<byte>)MessageCodec.EncodeSummary(s))]);

        Assert.Equal(summaries, MessageCodec.DecodeBatch(new ReadOnlySequence<byte>(buffer.WrittenMemory), Topic, "agent-a").Summaries);
    }

    [Fact]
    public void EncodeSummary_Json_UsesDocumentedNames()
    {
        string json = Encoding.UTF8.GetString(MessageCodec.EncodeSummary(Summaries.Make("agent-a", 2) with { Sequence = 7 }));

        Assert.Contains("\"agentId\":\"agent-a\"", json, StringComparison.Ordinal);
        Assert.Contains("\"sequence\":7", json, StringComparison.Ordinal);
        Assert.Contains("\"rttP95Us\":104800", json, StringComparison.Ordinal);
        Assert.Contains("\"clock\":\"kernel\"", json, StringComparison.Ordinal);
        Assert.Contains("\"availableBandwidth\":{\"lowBps\":8200000000,\"highBps\":9100000000}", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"agentId\":\"agent-a\",\"summaries\":[{\"agentId\":", DecodeErrorKind.InvalidJson)]
    [InlineData("not json at all", DecodeErrorKind.InvalidJson)]
    [InlineData("{\"agentId\":\"agent-a\",\"summaries\":[{\"agentId\":\"agent-a\",\"targetId\":\"t\",\"sequence\":\"x\",\"intervalStart\":\"2026-11-23T12:00:00Z\",\"intervalUs\":1}]}", DecodeErrorKind.InvalidJson)]
    [InlineData("{\"agentId\":\"agent-a\",\"summaries\":[{\"agentId\":\"agent-a\",\"targetId\":\"t\",\"intervalStart\":\"2026-11-23T12:00:00Z\",\"intervalUs\":1}]}", DecodeErrorKind.MissingProperty)]
    [InlineData("{\"agentId\":\"agent-b\",\"summaries\":[]}", DecodeErrorKind.AgentMismatch)]
    [InlineData("{\"agentId\":\"agent-a\",\"summaries\":[]}", DecodeErrorKind.Empty)]
    [InlineData("{\"agentId\":\"agent-a\",\"summaries\":[{\"agentId\":\"agent-a\",\"targetId\":\"t\",\"sequence\":1,\"intervalStart\":\"2026-11-23T12:00:00Z\",\"intervalUs\":1,\"lossRatio\":1.5}]}", DecodeErrorKind.InvalidValue)]
    [InlineData("{\"agentId\":\"agent-a\",\"summaries\":[{\"agentId\":\"agent-a\",\"targetId\":\"t\",\"sequence\":1,\"intervalStart\":\"2026-11-23T12:00:00Z\",\"intervalUs\":1,\"clock\":\"sundial\"}]}", DecodeErrorKind.InvalidJson)]
    [InlineData("{\"agentId\":\"agent-a\",\"summaries\":[]} trailing", DecodeErrorKind.InvalidJson)]
    [InlineData("", DecodeErrorKind.Empty)]
    [InlineData("null", DecodeErrorKind.InvalidJson)]
    public void TryDecodeBatch_BadPayload_ReturnsOneLineTypedError(string payload, DecodeErrorKind expected)
    {
        bool ok = MessageCodec.TryDecodeBatch(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(payload)), Topic, "agent-a", out var batch, out var error);

        Assert.False(ok);
        Assert.Null(batch);
        Assert.NotNull(error);
        Assert.Equal(expected, error.Kind);
        Assert.DoesNotContain('\n', error.ToString());
        Assert.Contains(Topic, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecodeBatch_WrongType_SaysWhere()
    {
        string payload = "{\"agentId\":\"agent-a\",\"summaries\":[{\"agentId\":\"agent-a\",\"targetId\":\"t\",\"sequence\":1,\"intervalStart\":\"2026-11-23T12:00:00Z\",\"intervalUs\":1,\"sent\":true}]}";

        MessageCodec.TryDecodeBatch(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(payload)), Topic, "agent-a", out _, out var error);

        Assert.Equal("$.summaries[0].sent", error!.Path);
        Assert.NotNull(error.BytePosition);
    }

    [Fact]
    public void TryDecodeBatch_SummaryOfOtherAgent_IsAgentMismatchAtIndex()
    {
        var batch = new ProbeSummaryBatch { AgentId = "agent-a", Summaries = [Summaries.Make("agent-a", 1) with { Sequence = 1 }, Summaries.Make("agent-b", 2) with { Sequence = 2 }] };

        MessageCodec.TryDecodeBatch(new ReadOnlySequence<byte>(MessageCodec.EncodeBatch(batch)), Topic, "agent-a", out _, out var error);

        Assert.Equal(DecodeErrorKind.AgentMismatch, error!.Kind);
        Assert.Equal("$.summaries[1].agentId", error.Path);
    }

    [Fact]
    public void DecodeBatch_BadPayload_ThrowsTypedException()
    {
        var ex = Assert.Throws<MessageDecodeException>(() => MessageCodec.DecodeBatch(new ReadOnlySequence<byte>("{"u8.ToArray()), Topic, "agent-a"));

        Assert.Equal(DecodeErrorKind.InvalidJson, ex.Error.Kind);
    }

    [Fact]
    public void TryDecodeStatus_LastWill_RoundTrips()
    {
        var will = new AgentStatusMessage { AgentId = "agent-a", State = AgentState.Offline, Reason = AgentStatusMessage.ConnectionLost };

        bool ok = MessageCodec.TryDecodeStatus(new ReadOnlySequence<byte>(MessageCodec.EncodeStatus(will)), "netcontrol/v1/agents/agent-a/status", "agent-a", out var status, out _);

        Assert.True(ok);
        Assert.Equal(will, status);
        Assert.Equal("{\"agentId\":\"agent-a\",\"state\":\"offline\",\"reason\":\"connection-lost\"}", Encoding.UTF8.GetString(MessageCodec.EncodeStatus(will)));
    }
}

using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetControl.Drivers.Snmp.Codec;
using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Drivers.Snmp.Client;

/// <summary>
/// An SNMP manager on one UDP socket: get, getnext, getbulk, set and bulk walk against any number of agents, v2c or
/// v3 (USM engine discovery, time window, authNoPriv and authPriv), with many requests outstanding at once
/// (correlated by request-id / msgID), per-attempt timeouts and retries, and typed errors. A reply that does not
/// decode but names an outstanding request (from that request's agent, with its request-id and community for v2c, its
/// msgID for v3; none of which is authenticated) is logged and recorded on the request, which stays outstanding: a
/// truncated datagram is usually a one-off, so retries go on and a good answer still wins. Only when the request
/// finally times out does a recorded decode error turn the <see cref="SnmpTimeoutException"/> into a
/// <see cref="SnmpDecodeErrorException"/> (the last decode error, and how many attempts were made). Other datagrams
/// that do not decode, do not authenticate, come with another community or answer nothing we asked are counted and
/// logged, never thrown.
/// </summary>
public sealed partial class SnmpClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<int, PendingRequest> _pending = new();
    private readonly ConcurrentDictionary<(IPEndPoint, string), RemoteEngine> _engines = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiver;
    private int _nextId = Random.Shared.Next(1, int.MaxValue / 2);
    private long _dropped;

    public SnmpClient(ILogger<SnmpClient>? logger = null, TimeProvider? timeProvider = null, IPAddress? bindAddress = null)
    {
        _logger = logger ?? NullLogger<SnmpClient>.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 1 << 22 };
        _socket.Bind(new IPEndPoint(bindAddress ?? IPAddress.Any, 0));
        _receiver = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>Datagrams dropped: undecodable, unauthenticated, or answering nothing outstanding.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public async Task<IReadOnlyList<VarBind>> GetAsync(SnmpTarget target, IReadOnlyList<string> oids, CancellationToken cancellationToken = default) =>
        (await RequestAsync(target, PduType.GetRequest, Null(oids), 0, 0, cancellationToken).ConfigureAwait(false)).VarBinds;

    public async Task<IReadOnlyList<VarBind>> GetNextAsync(SnmpTarget target, IReadOnlyList<string> oids, CancellationToken cancellationToken = default) =>
        (await RequestAsync(target, PduType.GetNextRequest, Null(oids), 0, 0, cancellationToken).ConfigureAwait(false)).VarBinds;

    public async Task<IReadOnlyList<VarBind>> GetBulkAsync(SnmpTarget target, int nonRepeaters, int maxRepetitions, IReadOnlyList<string> oids, CancellationToken cancellationToken = default) =>
        (await RequestAsync(target, PduType.GetBulkRequest, Null(oids), nonRepeaters, maxRepetitions, cancellationToken).ConfigureAwait(false)).VarBinds;

    public async Task<IReadOnlyList<VarBind>> SetAsync(SnmpTarget target, IReadOnlyList<VarBind> values, CancellationToken cancellationToken = default) =>
        (await RequestAsync(target, PduType.SetRequest, [.. values], 0, 0, cancellationToken).ConfigureAwait(false)).VarBinds;

    /// <summary>Every object under <paramref name="root"/> in OID order, by GETBULK (v2c and v3), <paramref name="maxRepetitions"/> at a time.</summary>
    public async IAsyncEnumerable<VarBind> WalkAsync(
        SnmpTarget target,
        string root,
        int maxRepetitions = 25,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string current = root;
        while (true)
        {
            var batch = await GetBulkAsync(target, 0, maxRepetitions, [current], cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                yield break;
            }

            foreach (var vb in batch)
            {
                if (vb.Value.Type == SnmpValueType.EndOfMibView || !Oid.IsUnder(vb.Oid, root) || vb.Oid == root)
                {
                    yield break;
                }

                if (Oid.Compare(vb.Oid, current) <= 0)
                {
                    throw new SnmpException(target.Display, $"walk of {root}: the agent went backwards ({vb.Oid} after {current})");
                }

                current = vb.Oid;
                yield return vb;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _receiver.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var pending in _pending.Values)
        {
            pending.Completion.TrySetCanceled();
        }

        _stop.Dispose();
    }

    private static ImmutableArray<VarBind> Null(IReadOnlyList<string> oids)
    {
        ArgumentNullException.ThrowIfNull(oids);
        return [.. oids.Select(o => Oid.IsValid(o) ? new VarBind(o, SnmpValue.Null) : throw new ArgumentException($"'{o}' is not an OID", nameof(oids)))];
    }

    private async Task<SnmpPdu> RequestAsync(SnmpTarget target, PduType type, ImmutableArray<VarBind> varBinds, int nonRepeaters, int maxRepetitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        string operation = $"{type} {string.Join(' ', varBinds.Select(v => v.Oid).Take(3))}{(varBinds.Length > 3 ? " ..." : string.Empty)}";
        SnmpPdu response = target.User is null
            ? await ExchangeV2cAsync(target, type, varBinds, nonRepeaters, maxRepetitions, operation, cancellationToken).ConfigureAwait(false)
            : await ExchangeV3Async(target, type, varBinds, nonRepeaters, maxRepetitions, operation, cancellationToken).ConfigureAwait(false);
        if (response.ErrorStatus != SnmpErrorStatus.NoError)
        {
            int index = response.ErrorIndex;
            string? oid = index >= 1 && index <= varBinds.Length ? varBinds[index - 1].Oid : null;
            throw new SnmpErrorResponseException(target.Display, operation, response.ErrorStatus, index, oid);
        }

        return response;
    }

    private async Task<SnmpPdu> ExchangeV2cAsync(SnmpTarget target, PduType type, ImmutableArray<VarBind> varBinds, int nonRepeaters, int maxRepetitions, string operation, CancellationToken cancellationToken)
    {
        int id = NextId();
        byte[] datagram = SnmpCodec.Encode(new SnmpV2cMessage(target.Community, Pdu(type, id, varBinds, nonRepeaters, maxRepetitions)));
        return (await SendAndWaitAsync(target, id, datagram, operation, target.Community, cancellationToken).ConfigureAwait(false)).Pdu;
    }

    private static SnmpPdu Pdu(PduType type, int id, ImmutableArray<VarBind> varBinds, int nonRepeaters, int maxRepetitions) =>
        type == PduType.GetBulkRequest
            ? SnmpPdu.GetBulk(id, nonRepeaters, maxRepetitions, varBinds)
            : new SnmpPdu(type, id, SnmpErrorStatus.NoError, 0, varBinds);

    /// <summary>
    /// Sends, waits for the answer with this id, and resends on timeout; the answer is the response PDU. A v2c answer
    /// must carry <paramref name="community"/> (null for v3).
    /// </summary>
    private async Task<SnmpAnswer> SendAndWaitAsync(SnmpTarget target, int id, byte[] datagram, string operation, string? community, CancellationToken cancellationToken)
    {
        var pending = new PendingRequest(target.EndPoint, target.Display, operation, community);
        _pending[id] = pending;
        try
        {
            int attempts = 0;
            for (int attempt = 0; attempt <= Math.Max(0, target.Retries); attempt++)
            {
                attempts++;
                await _socket.SendToAsync(datagram, SocketFlags.None, target.EndPoint, cancellationToken).ConfigureAwait(false);
                try
                {
                    return await pending.Completion.Task.WaitAsync(target.Timeout, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    // Next attempt.
                }
            }

            if (pending.LastDecodeError is { } undecodable)
            {
                throw new SnmpDecodeErrorException(target.Display, operation, undecodable.Source, undecodable.Error, attempts);
            }

            throw new SnmpTimeoutException(target.Display, operation, attempts, target.Timeout);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private int NextId()
    {
        int id = Interlocked.Increment(ref _nextId) & int.MaxValue;
        return id == 0 ? NextId() : id;
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[65535];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused)
            {
                // An ICMP port unreachable from an earlier send: the request times out on its own.
                continue;
            }

            var source = (IPEndPoint)received.RemoteEndPoint;
            var datagram = buffer.AsSpan(0, received.ReceivedBytes);
            try
            {
                Dispatch(datagram, source);
            }
            catch (SnmpDecodeException ex)
            {
                RecordOrDrop(datagram, source, ex);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Defence in depth: whatever one datagram triggers must not stop the receive loop.
                Drop(source, $"handling failed: {ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    /// <summary>
    /// An undecodable reply that names an outstanding request (same id, from that request's agent, and for v2c the
    /// request's community) is recorded on it, which keeps waiting; anything else is dropped.
    /// </summary>
    private void RecordOrDrop(ReadOnlySpan<byte> datagram, IPEndPoint source, SnmpDecodeException error)
    {
        if (SnmpMessageIdPeek.TryPeek(datagram, out var version, out int id, out Range community)
            && _pending.TryGetValue(id, out var pending)
            && pending.Agent.Equals(source)
            && (version == SnmpVersion.V2c) == (pending.Community is not null)
            && (version != SnmpVersion.V2c || datagram[community].SequenceEqual(pending.CommunityBytes)))
        {
            LogUndecodableReply(source.ToString(), id, error.Message);
            pending.RecordDecodeError(source, error);
            return;
        }

        Drop(source, $"undecodable: {error.Message}");
    }

    private void Dispatch(ReadOnlySpan<byte> datagram, IPEndPoint source)
    {
        if (SnmpCodec.PeekVersion(datagram) == SnmpVersion.V2c)
        {
            var message = SnmpCodec.DecodeV2c(datagram);
            Complete(message.Pdu.RequestId, message.Pdu, source, answerCommunity: message.Community);
        }
        else
        {
            DispatchV3(datagram, source);
        }
    }

    private void Complete(int id, SnmpPdu pdu, IPEndPoint source, UsmSecurityParameters? security = null, string? answerCommunity = null)
    {
        if (pdu.Type is not (PduType.Response or PduType.Report)
            || !_pending.TryGetValue(id, out var pending)
            || !pending.Agent.Equals(source))
        {
            Drop(source, $"{pdu.Type} with id {id} answers nothing outstanding");
            return;
        }

        if ((security is null) != (pending.Community is not null))
        {
            Drop(source, $"{pdu.Type} with id {id}: {(security is null ? "SNMPv2c answer to an SNMPv3 request" : "SNMPv3 answer to an SNMPv2c request")}");
            return;
        }

        if (pending.Community is { } community && !string.Equals(community, answerCommunity, StringComparison.Ordinal))
        {
            Drop(source, $"{pdu.Type} with id {id}: wrong community (not the request's)");
            return;
        }

        if (!pending.Completion.TrySetResult(new SnmpAnswer(pdu, security)))
        {
            // A retry's answer after the first one's (or a duplicated datagram): the request is already answered.
            Drop(source, $"{pdu.Type} with id {id} duplicates an answer already received");
        }
    }

    private void Drop(IPEndPoint source, string reason)
    {
        Interlocked.Increment(ref _dropped);
        LogDropped(source.ToString(), reason);
    }

    [LoggerMessage(3400, LogLevel.Warning, "SNMP datagram from {Source} dropped: {Reason}")]
    private partial void LogDropped(string source, string reason);

    [LoggerMessage(3401, LogLevel.Warning, "SNMP reply from {Source} to request {RequestId} does not decode ({Error}): the request waits for a good answer, and fails with this error if none comes")]
    private partial void LogUndecodableReply(string source, int requestId, string error);

    /// <summary>A reply that named a request but did not decode: where from, and what was wrong.</summary>
    private sealed record UndecodableReply(IPEndPoint Source, SnmpDecodeException Error);

    /// <summary>What came back: the PDU, and for v3 the sender's USM parameters (engine id, boots, time).</summary>
    private sealed record SnmpAnswer(SnmpPdu Pdu, UsmSecurityParameters? Security);

    /// <summary>A request awaiting its answer from <see cref="Agent"/>; <see cref="Community"/> for v2c, null for v3.</summary>
    private sealed class PendingRequest(IPEndPoint agent, string display, string operation, string? community)
    {
        private UndecodableReply? _lastDecodeError;

        public IPEndPoint Agent { get; } = agent;

        public string Display { get; } = display;

        public string Operation { get; } = operation;

        public string? Community { get; } = community;

        /// <summary>
        /// The community as it is on the wire (Latin-1, as the codec writes it); empty for v3. Encoded when asked (only
        /// an undecodable reply asks), not for every request.
        /// </summary>
        public byte[] CommunityBytes => Community is null ? [] : System.Text.Encoding.Latin1.GetBytes(Community);

        /// <summary>The last reply for this request that did not decode, if any.</summary>
        public UndecodableReply? LastDecodeError => Volatile.Read(ref _lastDecodeError);

        public void RecordDecodeError(IPEndPoint source, SnmpDecodeException error) => Volatile.Write(ref _lastDecodeError, new UndecodableReply(source, error));

        public TaskCompletionSource<SnmpAnswer> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetControl.Simulators.Network.Timing;
using NetControl.Simulators.Network.Truth;

using NetControl.Probes.Timestamps;

namespace NetControl.Simulators.Network.Links;

/// <summary>
/// One emulated link: a UDP relay on loopback. A client sends to <see cref="Endpoint"/>; each datagram goes through
/// the forward emulation and leaves towards <see cref="Target"/> from an outside socket allocated for that client
/// (like a NAT); replies from the target to that socket go through the reverse emulation back to the client.
/// Receiving runs on dedicated threads (one inside, one per mapped client) that timestamp each datagram at once;
/// a dedicated release thread sends it at its due time. Cut, repair and reconfiguration apply at runtime.
/// </summary>
public sealed class EmulatedLink : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private readonly Socket _inside;
    private readonly ReleaseScheduler _scheduler;
    private readonly DirectionPipeline _forward;
    private readonly DirectionPipeline _reverse;
    private readonly EmulatedLinkOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly List<ClientMapping> _clients = [];
    private readonly Thread _insideReceiver;
    private volatile SocketAddress _target;
    private volatile bool _cut;
    private volatile bool _stopping;
    private LinkSettings _settings;
    private int _disposed;

    private EmulatedLink(string id, IPEndPoint target, LinkSettings settings, EmulatedLinkOptions options, ILogger logger, IPEndPoint bind)
    {
        Id = id;
        _options = options;
        _logger = logger;
        _settings = settings;
        Target = target;
        _target = target.Serialize();
        var now = Stopwatch.GetTimestamp();
        var seed = settings.Seed ?? Random.Shared.Next();
        _forward = new DirectionPipeline(settings.Forward, Stopwatch.Frequency, new Random(seed), now);
        _reverse = new DirectionPipeline(settings.Reverse, Stopwatch.Frequency, new Random(unchecked(seed * 31) + 17), now);
        _inside = CreateSocket(bind);
        Endpoint = (IPEndPoint)_inside.LocalEndPoint!;
        _scheduler = new ReleaseScheduler($"link {id} release", options.SpinWindow, () => _cut);
        _insideReceiver = new Thread(ReceiveInside) { IsBackground = true, Name = $"link {id} receive", Priority = ThreadPriority.Highest };
    }

    /// <summary>The link id.</summary>
    public string Id { get; }

    /// <summary>Where clients send: the A side of the relay, on loopback.</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>Where forwarded datagrams go.</summary>
    public IPEndPoint Target { get; private set; }

    /// <summary>The current settings of both directions.</summary>
    public LinkSettings Settings => _settings;

    /// <summary>True while the link drops everything.</summary>
    public bool IsCut => _cut;

    /// <summary>Binds a relay on loopback (port 0 picks a free port unless <paramref name="bind"/> says otherwise) and starts its threads.</summary>
    /// <exception cref="InvalidLinkSettingsException">A setting is out of range.</exception>
    public static EmulatedLink Start(
        string id,
        IPEndPoint target,
        LinkSettings settings,
        EmulatedLinkOptions? options = null,
        ILogger? logger = null,
        IPEndPoint? bind = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate(id);
        var link = new EmulatedLink(id, target, settings, options ?? new EmulatedLinkOptions(), logger ?? NullLogger.Instance, bind ?? new IPEndPoint(IPAddress.Loopback, 0));
        link._scheduler.Start();
        link._insideReceiver.Start();
        EmulatedLinkLog.Started(link._logger, id, link.Endpoint, target);
        return link;
    }

    /// <summary>Drops everything from now on, including datagrams already in flight.</summary>
    public void Cut()
    {
        _cut = true;
        EmulatedLinkLog.Cut(_logger, Id);
    }

    /// <summary>Forwards again after a <see cref="Cut"/>.</summary>
    public void Repair()
    {
        _cut = false;
        EmulatedLinkLog.Repaired(_logger, Id);
    }

    /// <summary>Replaces both directions' settings; each direction switches atomically (its loss state, jitter and queue restart).</summary>
    /// <exception cref="InvalidLinkSettingsException">A setting is out of range; nothing changes.</exception>
    public void Reconfigure(LinkSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate(Id);
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            _forward.Apply(settings.Forward, now);
            _reverse.Apply(settings.Reverse, now);
            _settings = settings;
        }

        EmulatedLinkLog.Reconfigured(_logger, Id, "both");
    }

    /// <summary>Replaces one direction's settings atomically.</summary>
    /// <exception cref="InvalidLinkSettingsException">A setting is out of range; nothing changes.</exception>
    public void Reconfigure(LinkDirection direction, DirectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        lock (_gate)
        {
            var next = direction == LinkDirection.Forward ? _settings with { Forward = settings } : _settings with { Reverse = settings };
            next.Validate(Id);
            Pipeline(direction).Apply(settings, Stopwatch.GetTimestamp());
            _settings = next;
        }

        EmulatedLinkLog.Reconfigured(_logger, Id, direction.ToString());
    }

    /// <summary>Points forwarded datagrams at a new target (existing client mappings keep their outside sockets).</summary>
    public void SetTarget(IPEndPoint target)
    {
        ArgumentNullException.ThrowIfNull(target);
        Target = target;
        _target = target.Serialize();
    }

    /// <summary>An immutable snapshot of what the link did since start or the last <see cref="ResetTruth"/>.</summary>
    public LinkTruth GetTruth() => new(Id, _cut, _forward.Truth(), _reverse.Truth());

    /// <summary>Zeroes counters and delay statistics of both directions (settings stay).</summary>
    public void ResetTruth()
    {
        _forward.ResetTruth();
        _reverse.ResetTruth();
    }

    /// <summary>Stops the threads, closes the sockets and returns buffers still queued.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping = true;
        ClientMapping[] clients;
        lock (_gate)
        {
            clients = [.. _clients];
        }

        _inside.Dispose();
        foreach (var client in clients)
        {
            client.Outside.Dispose();
        }

        await Task.Run(() =>
        {
            _insideReceiver.Join(TimeSpan.FromSeconds(5));
            foreach (var client in clients)
            {
                client.Receiver?.Join(TimeSpan.FromSeconds(5));
            }

            _scheduler.Dispose();
        }).ConfigureAwait(false);
        EmulatedLinkLog.Stopped(_logger, Id);
    }

    private DirectionPipeline Pipeline(LinkDirection direction) => direction == LinkDirection.Forward ? _forward : _reverse;

    private Socket CreateSocket(IPEndPoint bind)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)
        {
            ReceiveBufferSize = _options.SocketBufferBytes,
            SendBufferSize = _options.SocketBufferBytes,
            ReceiveTimeout = (int)PollInterval.TotalMilliseconds,
        };
        try
        {
            socket.Bind(bind);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private void ReceiveInside()
    {
        var buffer = GC.AllocateUninitializedArray<byte>(_options.MaxDatagramBytes);
        var receiver = new DatagramReceiver(_inside);
        while (!_stopping)
        {
            if (!TryReceive(receiver, buffer, out var length, out var from, out long arrival))
            {
                continue;
            }

            var mapping = FindOrMap(from);
            if (mapping is not null)
            {
                Admit(_forward, arrival, buffer, length, mapping.Outside, _target);
            }
        }
    }

    private void ReceiveOutside(ClientMapping mapping)
    {
        var buffer = GC.AllocateUninitializedArray<byte>(_options.MaxDatagramBytes);
        var receiver = new DatagramReceiver(mapping.Outside);
        while (!_stopping)
        {
            if (TryReceive(receiver, buffer, out var length, out _, out long arrival))
            {
                Admit(_reverse, arrival, buffer, length, _inside, mapping.Client);
            }
        }
    }

    /// <summary>
    /// Takes one datagram with its arrival time on the Stopwatch clock: the kernel's receive stamp (SO_TIMESTAMPNS)
    /// carried over by its age, so the delay a datagram is given starts when it reached the relay, not when this
    /// thread woke up to read it (user space when the kernel gives no stamp).
    /// </summary>
    private bool TryReceive(DatagramReceiver receiver, byte[] buffer, out int length, out IPEndPoint from, out long arrival)
    {
        if (!receiver.TryReceive(buffer, PollInterval, out var datagram))
        {
            length = 0;
            from = null!;
            arrival = 0;
            return false;
        }

        long now = Stopwatch.GetTimestamp();
        long ageNanoseconds = RealtimeClock.AgeNanoseconds(datagram.ReceivedAtUnixNanoseconds);
        length = datagram.Length;
        from = datagram.Remote;
        arrival = now - (long)(ageNanoseconds * (Stopwatch.Frequency / 1e9));
        return true;
    }

    private void Admit(DirectionPipeline pipeline, long arrival, byte[] buffer, int length, Socket from, SocketAddress to)
    {
        if (!pipeline.Admit(arrival, length, _cut, out var release))
        {
            return;
        }

        var copy = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        buffer.AsSpan(0, length).CopyTo(copy);
        _scheduler.Enqueue(new PendingDatagram(copy, length, from, to, pipeline, release));
    }

    private ClientMapping? FindOrMap(IPEndPoint endPoint)
    {
        // Only the inside receive thread adds mappings; the lock protects readers on dispose.
        foreach (var existing in _clients)
        {
            if (existing.ClientEndPoint.Equals(endPoint))
            {
                return existing;
            }
        }

        if (_clients.Count >= _options.MaxClients)
        {
            EmulatedLinkLog.TooManyClients(_logger, Id, endPoint, _options.MaxClients);
            return null;
        }

        var mapping = new ClientMapping(endPoint.Serialize(), endPoint, CreateSocket(new IPEndPoint(IPAddress.Loopback, 0)));
        mapping.Receiver = new Thread(() => ReceiveOutside(mapping)) { IsBackground = true, Name = $"link {Id} outside {endPoint.Port}", Priority = ThreadPriority.Highest };
        lock (_gate)
        {
            if (_stopping)
            {
                mapping.Outside.Dispose();
                return null;
            }

            _clients.Add(mapping);
        }

        mapping.Receiver.Start();
        EmulatedLinkLog.ClientMapped(_logger, Id, endPoint, ((IPEndPoint)mapping.Outside.LocalEndPoint!).Port);
        return mapping;
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NetControl.Controller.Dashboard;

/// <summary>
/// The hub's fan-out: event sources <see cref="Publish"/> updates, which go (filtered) into each subscribed client's
/// <see cref="ClientBuffer"/>; every flush interval <see cref="Flush"/> sends each client what accumulated, unless its
/// previous batch is still in flight (a slow client then simply gets a larger, coalesced batch later). Publishing
/// never waits on a client.
/// </summary>
public sealed class DashboardFeed
{
    private readonly ConcurrentDictionary<string, DashboardClient> _clients = new(StringComparer.Ordinal);
    private readonly Queue<DashboardUpdate> _recentEvents = new();
    private readonly Lock _recentGate = new();
    private readonly DashboardOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _published;

    public DashboardFeed(DashboardOptions options, TimeProvider time, ILogger<DashboardFeed> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Updates published since start.</summary>
    public long Published => Interlocked.Read(ref _published);

    public IReadOnlyCollection<DashboardClient> Clients => (IReadOnlyCollection<DashboardClient>)_clients.Values;

    /// <summary>Now, as the Unix milliseconds that stamp <see cref="DashboardUpdate.IngestedAt"/>.</summary>
    public double Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    public DashboardClient Add(string connectionId, DashboardFilter filter)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionId);
        ArgumentNullException.ThrowIfNull(filter);
        var client = new DashboardClient(connectionId, filter, new ClientBuffer(_options.MaxPendingKeys, _options.MaxPendingEvents));
        _clients[connectionId] = client;
        DashboardLog.Subscribed(_logger, connectionId, _clients.Count);
        return client;
    }

    public void Remove(string connectionId)
    {
        if (_clients.TryRemove(connectionId, out _))
        {
            DashboardLog.Unsubscribed(_logger, connectionId, _clients.Count);
        }
    }

    /// <summary>Hands an update to every client whose filter takes it; returns at once.</summary>
    public void Publish(DashboardUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        Interlocked.Increment(ref _published);
        if (update.Key is null && _options.RecentEvents > 0)
        {
            lock (_recentGate)
            {
                if (_recentEvents.Count == _options.RecentEvents)
                {
                    _recentEvents.Dequeue();
                }

                _recentEvents.Enqueue(update);
            }
        }

        foreach (var client in _clients.Values)
        {
            if (client.Filter.Matches(update))
            {
                client.Buffer.Offer(client.Filter.Shape(update));
            }
        }
    }

    /// <summary>The recent log events, oldest first (for a new client's snapshot).</summary>
    public IReadOnlyList<DashboardUpdate> RecentEvents()
    {
        lock (_recentGate)
        {
            return [.. _recentEvents];
        }
    }

    /// <summary>
    /// Starts sending each client its pending batch; a client whose previous send has not completed is skipped this
    /// time. Returns the sends started (the caller need not wait for them).
    /// </summary>
    public IReadOnlyList<Task> Flush(IDashboardSender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var started = new List<Task>();
        foreach (var client in _clients.Values)
        {
            if (!client.TryBeginSend())
            {
                continue;
            }

            var drained = client.Buffer.Drain();
            if (drained is null)
            {
                client.EndSend();
                continue;
            }

            var batch = new DeltaBatch(client.NextSequence(), Now(), drained.Updates, drained.Dropped, drained.Resync);
            started.Add(SendAsync(sender, client, batch, cancellationToken));
        }

        return started;
    }

    private async Task SendAsync(IDashboardSender sender, DashboardClient client, DeltaBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            await sender.SendAsync(client.ConnectionId, batch, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
        {
            DashboardLog.SendFailed(_logger, client.ConnectionId, ex.Message);
        }
        finally
        {
            client.EndSend();
        }
    }
}

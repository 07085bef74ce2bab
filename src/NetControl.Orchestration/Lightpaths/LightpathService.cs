using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetControl.Core.Devices;
using NetControl.Core.Lightpaths;
using NetControl.Core.Lightpaths.Provisioning;
using NetControl.Core.LinkState;
using NetControl.Core.Reservations;
using NetControl.Core.Topology;
using NetControl.Orchestration.Persistence;
using NetControl.Orchestration.Restoration;
using NetControl.Orchestration.Routing;

namespace NetControl.Orchestration.Lightpaths;

/// <summary>
/// The lightpath service: admission against the reservation calendar, parallel provisioning with read-back and
/// rollback, release, leases and windows, restoration after cuts (make-before-break, 1+1 switchover, freeze, manual
/// reroute, revert) and reconciliation with device truth on start. Intent is saved before devices are touched.
/// </summary>
public sealed partial class LightpathService : ILightpathService, IDeviceEventSink, IPortClaims, IAsyncDisposable
{
    private readonly Func<string, ICrossConnectProgrammable> _devices;
    private readonly ILightpathStore _store;
    private readonly LightpathServiceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, LightpathEntry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ImmutableList<Channel<LightpathRecord>>> _watchers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _work = new();
    private readonly ConcurrentDictionary<PortRef, int> _leaving = new();
    private readonly ConcurrentDictionary<PortRef, ImmutableList<PortClaim>> _lit = new();
    private readonly CancellationTokenSource _life = new();
    // Link state, the failure correlator and probe-declared state.
    private readonly object _gate = new();

    // Plans and the reservation of their ports as one step (requests, moves, end-time changes, shrinking what a
    // lightpath holds), so two plans never pick the same free fibre. Separate from _gate, so that alarms and link
    // state are never held up behind a mass restoration's planning.
    private readonly Lock _admission = new();
    private readonly ReservationCalendar _calendar;
    private readonly EndpointResolver _endpoints;
    private readonly RoutePlanner _planner;
    private readonly LinkFailureCorrelator _correlator;
    private readonly LightpathProvisioner _provisioner;
    private readonly ILightpathHostConfigurer? _hosts;
    private readonly RouteTransition _transition;
    private LinkStateOverlay _linkState;
    private readonly HashSet<string> _probeDown = new(StringComparer.Ordinal);
    private volatile bool _frozen;
    private int _nextId;

    public LightpathService(
        NetworkTopology topology,
        Func<string, ICrossConnectProgrammable> devices,
        ILightpathStore store,
        LightpathServiceOptions? options = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggers = null,
        ILightpathHostConfigurer? hosts = null)
    {
        _hosts = hosts;
        ArgumentNullException.ThrowIfNull(topology);
        Topology = topology;
        _devices = devices ?? throw new ArgumentNullException(nameof(devices));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _options = options ?? new LightpathServiceOptions();
        _time = timeProvider ?? TimeProvider.System;
        _logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger<LightpathService>();
        _calendar = new ReservationCalendar(topology);
        _endpoints = new EndpointResolver(topology);
        _planner = new RoutePlanner(topology);
        _correlator = new LinkFailureCorrelator(topology, this);
        _provisioner = new LightpathProvisioner(devices, _time);
        _transition = new RouteTransition(topology, devices, _provisioner, _time);
        _linkState = LinkStateOverlay.For(topology);
    }

    public NetworkTopology Topology { get; }

    public LinkStateOverlay LinkState => Volatile.Read(ref _linkState);

    public bool RestorationFrozen => _frozen;

    public event Action<LightpathRecord>? Changed;

    /// <summary>Raised when the correlator declares a link down or up (time = when the alarm that decided it arrived).</summary>
    public event Action<LinkChange>? LinkChanged;

    public IReadOnlyList<LightpathRecord> List() =>
        [.. _entries.Values.Select(e => e.Record).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal)];

    public LightpathRecord Get(string id) => Entry(id).Record;

    public async IAsyncEnumerable<LightpathRecord> WatchAsync(string id, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var entry = Entry(id);
        var channel = Channel.CreateBounded<LightpathRecord>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _watchers.AddOrUpdate(id, _ => [channel], (_, list) => list.Add(channel));
        try
        {
            var current = entry.Record;
            yield return current;
            if (current.State == LightpathState.Released)
            {
                yield break;
            }

            long seen = current.Version;
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var next))
                {
                    if (next.Version <= seen)
                    {
                        continue;
                    }

                    seen = next.Version;
                    yield return next;
                    if (next.State == LightpathState.Released)
                    {
                        yield break;
                    }
                }
            }
        }
        finally
        {
            _watchers.AddOrUpdate(id, _ => [], (_, list) => list.Remove(channel));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_life.IsCancellationRequested)
        {
            return;
        }

        await _life.CancelAsync().ConfigureAwait(false);
        foreach (var entry in _entries.Values)
        {
            entry.DisposeTimers();
            await entry.Work.CancelAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(_work.Keys).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var list in _watchers.Values)
        {
            foreach (var channel in list)
            {
                channel.Writer.TryComplete();
            }
        }

        _life.Dispose();
    }

    private LightpathEntry Entry(string id) =>
        _entries.TryGetValue(id ?? string.Empty, out var entry)
            ? entry
            : throw new LightpathException(LightpathErrorKind.NotFound, $"no lightpath '{id}'");

    /// <summary>Fires <paramref name="trigger"/> if the lifecycle allows it, applies <paramref name="change"/>, saves and publishes; null when not allowed now.</summary>
    private async Task<LightpathRecord?> FireAsync(LightpathEntry entry, LightpathTrigger trigger, string cause, Func<LightpathRecord, LightpathRecord>? change = null)
    {
        LightpathRecord next;
        lock (entry)
        {
            var transition = entry.Lifecycle.TryFire(trigger, cause);
            if (transition is null)
            {
                return null;
            }

            next = Next(entry, change);
        }

        LightpathServiceLog.Transition(_logger, next.Id, next.Request.From, next.Request.To, trigger.ToString(), next.State.ToString(), cause);
        await SaveAndPublishAsync(next).ConfigureAwait(false);
        return next;
    }

    /// <summary>Changes the record without a transition (intent, pending removals, lease), saves and publishes.</summary>
    private async Task<LightpathRecord> CommitAsync(LightpathEntry entry, Func<LightpathRecord, LightpathRecord> change)
    {
        LightpathRecord next;
        lock (entry)
        {
            next = Next(entry, change);
        }

        await SaveAndPublishAsync(next).ConfigureAwait(false);
        return next;
    }

    private LightpathRecord Next(LightpathEntry entry, Func<LightpathRecord, LightpathRecord>? change)
    {
        var current = entry.Record;
        var next = (change?.Invoke(current) ?? current) with
        {
            State = entry.Lifecycle.State,
            History = entry.Lifecycle.History,
            Version = current.Version + 1,
        };
        // Claims first: whoever sees the new record (a client polling for Active, then cutting a fibre) must find its
        // ports claimed when the loss-of-light edge comes, or the edge is taken for darkness nobody expects.
        Relight(current, next);
        entry.Record = next;
        return next;
    }

    /// <summary>
    /// Keeps which lightpaths' active legs light each port, since when, and what feeds it (read by the alarm
    /// correlation on every alarm).
    /// </summary>
    private void Relight(LightpathRecord? before, LightpathRecord after)
    {
        var was = before is null ? [] : Lit(before);
        var now = Lit(after);
        if (was.Count == now.Count && was.All(p => now.TryGetValue(p.Key, out var feed) && feed == p.Value))
        {
            return;
        }

        foreach (var port in was.Keys.Where(p => !now.ContainsKey(p) || now[p] != was[p]))
        {
            var left = _lit.AddOrUpdate(port, [], (_, holders) => holders.RemoveAll(h => h.Id == after.Id));
            if (left.IsEmpty)
            {
                _lit.TryRemove(new KeyValuePair<PortRef, ImmutableList<PortClaim>>(port, left));
            }
        }

        var since = _time.GetUtcNow();
        foreach (var (port, feed) in now.Where(p => !was.TryGetValue(p.Key, out var f) || f != p.Value))
        {
            var claim = new PortClaim(after.Id, since, feed);
            _lit.AddOrUpdate(port, [claim], (_, holders) => holders.Add(claim));
        }
    }

    /// <summary>Every switch port the active leg of <paramref name="record"/> lights, with the receive port that feeds it (see <see cref="IPortClaims.FeedOf"/>).</summary>
    private Dictionary<PortRef, PortRef?> Lit(LightpathRecord record)
    {
        var ports = new Dictionary<PortRef, PortRef?>();
        if (record.State is not (LightpathState.Active or LightpathState.Restoring or LightpathState.Failed) || record.Active is not { } leg)
        {
            return ports;
        }

        foreach (var step in leg.Steps)
        {
            var node = Topology.GetNode(step.Device);
            foreach (var port in SwitchPorts.Of(node, step))
            {
                ports.TryAdd(port, null);
            }

            // Light entering at From leaves through To; a duplex cross-connect also carries the other way.
            var from = new PortRef(node.Id, SwitchPorts.InputOf(node, step.Connection.From));
            var to = new PortRef(node.Id, SwitchPorts.InputOf(node, step.Connection.To));
            ports[to] = from;
            if (step.Connection.Duplex)
            {
                ports[from] = to;
            }
        }

        return ports;
    }

    private async Task SaveAndPublishAsync(LightpathRecord record)
    {
        await _store.SaveAsync(record, CancellationToken.None).ConfigureAwait(false);
        if (_watchers.TryGetValue(record.Id, out var channels))
        {
            foreach (var channel in channels)
            {
                channel.Writer.TryWrite(record);
            }
        }

        try
        {
            Changed?.Invoke(record);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LightpathServiceLog.WorkFailed(_logger, record.Id, $"a Changed handler threw: {ex.Message}");
        }
    }

    /// <summary>Runs device work in the background; DisposeAsync waits for it.</summary>
    private void Run(string id, Func<Task> work)
    {
        if (_life.IsCancellationRequested)
        {
            return;
        }

        var task = Task.Run(async () =>
        {
            try
            {
                await work().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_life.IsCancellationRequested)
            {
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LightpathServiceLog.WorkFailed(_logger, id, ex.Message);
            }
        });
        _work.TryAdd(task, 0);
        _ = task.ContinueWith(t => _work.TryRemove(t, out _), TaskScheduler.Default);
    }

    internal static IEnumerable<CrossConnectStep> Expected(LightpathRecord record) => ExpectedSteps(record);

    /// <summary>
    /// Every cross-connect the lightpath may hold on devices, whatever a crash interrupted: its pending removals, plus
    /// what its state may have made (both full legs while provisioning or moving, the expected ones when active or
    /// when a cut failed it, nothing when it was never provisioned or its provisioning was rolled back). A releasing
    /// lightpath may hold what it held in the state it was released from.
    /// </summary>
    internal static IEnumerable<CrossConnectStep> MayHold(LightpathRecord record)
    {
        var state = record.State == LightpathState.Releasing
            ? record.History.LastOrDefault(t => t.To == LightpathState.Releasing)?.From ?? LightpathState.Requested
            : record.State;
        IEnumerable<CrossConnectStep> legs = state switch
        {
            LightpathState.Provisioning => ExpectedSteps(record with { State = state }),
            LightpathState.Restoring => (record.Working?.Steps ?? []).Concat(record.ProtectionLeg?.Steps ?? []),
            LightpathState.Active => ExpectedSteps(record with { State = state }),
            LightpathState.Failed when record.History.LastOrDefault(t => t.To == LightpathState.Failed)?.Trigger == LightpathTrigger.RestorationFailed
                => ExpectedSteps(record with { State = state }),
            _ => [],
        };
        return legs.Concat(record.PendingRemovals).Distinct();
    }

    /// <summary>Every cross-connect the record expects on devices now (active leg, and the protection leg's inner ones).</summary>
    public static IEnumerable<CrossConnectStep> ExpectedSteps(LightpathRecord record)
    {
        if (record.State is LightpathState.Requested or LightpathState.Scheduled or LightpathState.Released)
        {
            return [];
        }

        var active = record.Active?.Steps ?? [];
        var other = record.ActiveLeg == LegRole.Working ? record.ProtectionLeg : record.Working;
        return active.Concat(other?.InnerSteps ?? []).Distinct();
    }
}

using System.Collections.Frozen;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetControl.Core.Topology;
using NetControl.Graph.Trees;

namespace NetControl.Orchestration.Overlay;

/// <summary>
/// The live reflector overlay: a constrained spanning tree over the reflector nodes of a topology, on the links
/// between them, priced from probe measurements (<see cref="OverlayCost"/>). Each measurement updates one link's
/// cost in an <see cref="OverlayTreeMaintainer"/>, which keeps the best tree known incrementally and moves the
/// reflectors to it only past the hysteresis, or at once when the installed tree lost a link. Every move is a
/// <see cref="TreeChanged"/> event. Thread-safe; events are raised outside the lock, in order.
/// </summary>
public sealed partial class ReflectorOverlay
{
    private readonly Lock _gate = new();
    private readonly Lock _eventGate = new();
    private readonly Queue<OverlayTreeChanged> _changes = new();
    private readonly OverlayTreeMaintainer _maintainer;
    private readonly FrozenDictionary<string, (int I, int J)> _links;
    private readonly string?[,] _linkOf;
    private readonly ImmutableArray<string> _names;
    private readonly ReflectorOverlayOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private OverlayTree _current;

    /// <exception cref="ArgumentException">The topology has fewer than two reflector nodes.</exception>
    public ReflectorOverlay(NetworkTopology topology, ReflectorOverlayOptions? options = null, TimeProvider? timeProvider = null, ILogger<ReflectorOverlay>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(topology);
        _options = options ?? new ReflectorOverlayOptions();
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _names = [.. topology.Nodes.Where(n => n.Kind == NodeKind.Reflector).Select(n => n.Id)];
        if (_names.Length < 2)
        {
            throw new ArgumentException($"topology '{topology.Name}' has {_names.Length} reflector node(s): an overlay needs at least two", nameof(topology));
        }

        var index = _names.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        var links = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        _linkOf = new string?[_names.Length, _names.Length];
        var edges = new List<WeightedEdge>();
        foreach (var link in topology.Links)
        {
            if (index.TryGetValue(link.A.Node, out int i) && index.TryGetValue(link.B.Node, out int j) && i != j && _linkOf[i, j] is null)
            {
                links[link.Id] = (i, j);
                _linkOf[i, j] = _linkOf[j, i] = link.Id;
                edges.Add(new WeightedEdge(i, j, _options.Cost.Expected(link.LatencyMs ?? 0)));
            }
        }

        _links = links.ToFrozenDictionary(StringComparer.Ordinal);
        _maintainer = new OverlayTreeMaintainer(WeightMatrix.FromEdges(_names.Length, edges, _names), _options.Constraints, _options.Hysteresis);
        _current = Snapshot(1, _maintainer.LastDecision.Message);
    }

    /// <summary>Raised after every move to another tree.</summary>
    public event Action<OverlayTreeChanged>? TreeChanged;

    /// <summary>Reflector node ids, in topology order.</summary>
    public ImmutableArray<string> Reflectors => _names;

    /// <summary>The installed tree.</summary>
    public OverlayTree Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>The most recent moves (up to <see cref="ReflectorOverlayOptions.ChangeHistory"/>), oldest first.</summary>
    public IReadOnlyList<OverlayTreeChanged> RecentChanges
    {
        get
        {
            lock (_gate)
            {
                return [.. _changes];
            }
        }
    }

    /// <summary>True when <paramref name="linkId"/> joins two reflectors of this overlay.</summary>
    public bool Covers(string linkId) => _links.ContainsKey(linkId);

    /// <summary>The link's current cost (+infinity: unusable).</summary>
    public double CostOf(string linkId) =>
        _links.TryGetValue(linkId, out var ends) ? Locked(() => _maintainer.Weight(ends.I, ends.J)) : throw new ArgumentException($"link '{linkId}' is not an overlay link", nameof(linkId));

    /// <summary>
    /// Prices <paramref name="linkId"/> from a measurement and moves to a better tree if the hysteresis allows (or
    /// must, when the installed tree lost the link). False when the link is not an overlay link.
    /// </summary>
    public bool Observe(string linkId, OverlayMeasurement measurement)
    {
        if (!_links.TryGetValue(linkId, out var ends))
        {
            return false;
        }

        double cost = _options.Cost.Of(measurement);
        OverlayTreeChanged? changed = null;
        lock (_eventGate)
        {
            lock (_gate)
            {
                if (_maintainer.Weight(ends.I, ends.J).Equals(cost))
                {
                    return true;
                }

                var decision = _maintainer.Update(ends.I, ends.J, cost);
                if (decision.Switched)
                {
                    var previous = _current;
                    string cause = $"link {linkId} cost {Describe(cost)} ({measurement.Source}): {decision.Message}";
                    _current = Snapshot(previous.Version + 1, cause);
                    var before = previous.Edges.Select(e => e.LinkId).ToHashSet(StringComparer.Ordinal);
                    var after = _current.Edges.Select(e => e.LinkId).ToHashSet(StringComparer.Ordinal);
                    changed = new OverlayTreeChanged(
                        previous,
                        _current,
                        [.. _current.Edges.Where(e => !before.Contains(e.LinkId))],
                        [.. previous.Edges.Where(e => !after.Contains(e.LinkId))],
                        cause);
                    _changes.Enqueue(changed);
                    while (_changes.Count > _options.ChangeHistory)
                    {
                        _changes.Dequeue();
                    }
                }
            }

            if (changed is not null)
            {
                LogTreeChanged(_logger, changed.Current.Version, changed.Added.Length, changed.Removed.Length, changed.Cause);
                TreeChanged?.Invoke(changed);
            }
        }

        return true;
    }

    private OverlayTree Snapshot(long version, string reason)
    {
        var installed = _maintainer.Installed;
        var edges = installed is null
            ? []
            : installed.Edges
                .Select(e => Edge(e.U, e.V))
                .OrderBy(e => e.A, StringComparer.Ordinal)
                .ThenBy(e => e.B, StringComparer.Ordinal)
                .ToImmutableArray();
        return new OverlayTree(version, _time.GetUtcNow(), edges, installed is null ? double.PositiveInfinity : _maintainer.InstalledCost, reason) { Reflectors = _names.Length };
    }

    private OverlayEdge Edge(int u, int v)
    {
        var (a, b) = string.CompareOrdinal(_names[u], _names[v]) <= 0 ? (u, v) : (v, u);
        return new OverlayEdge(_names[a], _names[b], _linkOf[a, b]!, _maintainer.Weight(a, b));
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private static string Describe(double cost) => double.IsFinite(cost) ? cost.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "infinite (down or unmeasured)";

    [LoggerMessage(4600, LogLevel.Information, "overlay tree {Version}: {Added} link(s) joined, {Removed} left: {Cause}")]
    private static partial void LogTreeChanged(ILogger logger, long version, int added, int removed, string cause);
}

using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace NetControl.Graph.Trees;

/// <summary>
/// A spanning tree kept up to date as link weights change one at a time, without recomputing from scratch. It owns
/// a private copy of the weights; <see cref="Update"/> is the only way they change. Not thread-safe.
/// <para>
/// Unconstrained (exact): it maintains a minimum spanning forest. A tree edge that gets lighter stays; one that gets
/// heavier (or goes to +infinity) is cut and the two parts are rejoined by the cheapest crossing edge, O(n + |A||B|);
/// a non-tree edge that gets lighter replaces the heaviest edge on the tree path between its ends when that is
/// heavier, O(n), or joins two components; other changes leave the tree alone. After every update the cost equals a
/// from-scratch minimum spanning tree's.
/// </para>
/// <para>
/// Constrained (heuristic, always feasible): the same local moves, accepted only when the resulting tree still meets
/// the degree, hop-diameter and latency-diameter limits, checked exactly with component eccentricities. A tree edge
/// that gets heavier or disappears is replaced by the cheapest crossing edge that keeps the tree feasible; when none
/// does, the tree is recomputed with <see cref="ConstrainedSpanningTree"/>. The tree stays feasible but drifts from
/// what a fresh heuristic run would give; <see cref="Recompute"/> resets it.
/// </para>
/// </summary>
public sealed class DynamicSpanningTree
{
    /// <summary>The maintained cost is re-summed every this many updates so rounding cannot accumulate.</summary>
    private const int ResyncEvery = 1024;

    private readonly WeightMatrix _weights;
    private readonly ConstrainedTreeOptions _options;
    private readonly Forest _forest;
    private readonly Reconnector _reconnector;
    private readonly int[] _pathFrom;
    private readonly int[] _pathTo;
    private readonly double[] _pathKey;
    private readonly int[] _pathIndex;
    private double _cost;
    private int _components;
    private bool _hasTree;
    private TreeFailure? _failure;
    private SpanningTree? _snapshot;
    private int _sinceResync;

    /// <param name="weights">Initial weights; copied.</param>
    /// <param name="constraints">Limits the tree must meet; none by default (an exact minimum spanning tree).</param>
    /// <param name="options">Effort of the constrained heuristic, used for (re)computations.</param>
    public DynamicSpanningTree(WeightMatrix weights, TreeConstraints? constraints = null, ConstrainedTreeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        _weights = weights.Copy();
        Constraints = constraints ?? TreeConstraints.None;
        _options = options ?? ConstrainedTreeOptions.Default;
        int n = weights.Count;
        _forest = new Forest(n);
        _reconnector = new Reconnector(_weights, Constraints);
        _pathFrom = new int[n];
        _pathTo = new int[n];
        _pathKey = new double[n];
        _pathIndex = new int[n];
        Load();
    }

    public int Count => _weights.Count;

    public TreeConstraints Constraints { get; }

    /// <summary>True when the current tree spans every node and meets the constraints.</summary>
    public bool HasTree => _hasTree;

    /// <summary>Cost of the current tree under the current weights; +infinity when there is none.</summary>
    public double Cost => _hasTree ? _cost : double.PositiveInfinity;

    /// <summary>Why there is no tree (null when there is one).</summary>
    public TreeFailure? Failure => _hasTree ? null : _failure ?? DescribeSplit();

    /// <summary>A snapshot of the current tree (rooted at node 0), or null when there is none; cached until the next change.</summary>
    public SpanningTree? Tree => _hasTree ? _snapshot ??= SpanningTree.FromForest(_forest, 0, _reconnector.Walker) : null;

    /// <summary>Current weight of a link.</summary>
    public double Weight(int i, int j) => _weights[i, j];

    /// <summary>A copy of the current weights.</summary>
    public WeightMatrix CopyWeights() => _weights.Copy();

    /// <summary>True when the current tree (or forest, while disconnected) uses the link; O(degree).</summary>
    public bool ContainsEdge(int i, int j) => (uint)i < (uint)Count && (uint)j < (uint)Count && _forest.HasEdge(i, j);

    /// <summary>The neighbours of node <paramref name="v"/> in the current tree (or forest, while disconnected): a view valid until the next update.</summary>
    public ReadOnlySpan<int> Neighbours(int v)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(v);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(v, Count);
        return _forest.Neighbours(v);
    }

    /// <summary>Applies one link-weight change (+infinity: the link is gone) and returns what it did to the tree.</summary>
    public TreeChange Update(int i, int j, double weight)
    {
        ValidateLink(i, j, weight, Count);
        double old = _weights[i, j];
        double before = Cost;
        if (old.Equals(weight))
        {
            return Change(TreeChangeKind.Unchanged, before);
        }

        _weights.Set(i, j, weight);
        var change = Constraints.IsUnconstrained ? UpdateExact(i, j, old, weight, before) : UpdateConstrained(i, j, old, weight, before);
        if (change.Kind != TreeChangeKind.Unchanged)
        {
            _snapshot = null;
        }

        if (++_sinceResync >= ResyncEvery)
        {
            _sinceResync = 0;
            _cost = _forest.TotalWeight();
        }

        return change;
    }

    /// <summary>Throws when (i, j) is not a link between two different nodes of <paramref name="count"/> or the weight is invalid.</summary>
    internal static void ValidateLink(int i, int j, double weight, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(i);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(i, count);
        ArgumentOutOfRangeException.ThrowIfNegative(j);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(j, count);
        if (i == j)
        {
            throw new ArgumentException($"a link joins two different nodes, got ({i},{j})", nameof(j));
        }

        WeightMatrix.ValidateWeight(weight, nameof(weight));
    }

    /// <summary>Recomputes the tree from scratch under the current weights.</summary>
    public TreeChange Recompute()
    {
        double before = Cost;
        var oldEdges = _forest.EdgeList();
        Load();
        var newEdges = _forest.EdgeList();
        var oldKeys = new HashSet<long>(oldEdges.Count);
        foreach (var e in oldEdges)
        {
            oldKeys.Add(Key(e.U, e.V));
        }

        var newKeys = new HashSet<long>(newEdges.Count);
        var added = ImmutableArray.CreateBuilder<WeightedEdge>();
        foreach (var e in newEdges)
        {
            newKeys.Add(Key(e.U, e.V));
            if (!oldKeys.Contains(Key(e.U, e.V)))
            {
                added.Add(e);
            }
        }

        var removed = ImmutableArray.CreateBuilder<WeightedEdge>();
        foreach (var e in oldEdges)
        {
            if (!newKeys.Contains(Key(e.U, e.V)))
            {
                removed.Add(e);
            }
        }

        return new TreeChange(TreeChangeKind.Recomputed, removed.ToImmutable(), added.ToImmutable(), before, Cost, _hasTree);
    }

    private long Key(int u, int v) => ((long)Math.Min(u, v) * Count) + Math.Max(u, v);

    private void Load()
    {
        _snapshot = null;
        _sinceResync = 0;
        _forest.Clear();
        int n = Count;
        if (Constraints.IsUnconstrained)
        {
            var parent = new int[n];
            var parentWeight = new double[n];
            _components = MinimumSpanningTree.BuildForest(_weights, 0, parent, parentWeight, out int secondRoot);
            for (int v = 0; v < n; v++)
            {
                if (parent[v] >= 0)
                {
                    _forest.Link(v, parent[v], parentWeight[v]);
                }
            }

            _hasTree = _components == 1;
            _failure = _hasTree ? null : MinimumSpanningTree.Disconnected(_weights, _components, 0, secondRoot);
        }
        else
        {
            var result = ConstrainedSpanningTree.Build(_weights, Constraints, _options);
            _hasTree = result.Succeeded;
            _failure = result.Failure;
            _components = result.Succeeded ? 1 : n;
            if (result.Succeeded)
            {
                foreach (var e in result.Tree.Edges)
                {
                    _forest.Link(e.U, e.V, e.Weight);
                }
            }
        }

        _cost = _forest.TotalWeight();
    }

    private TreeChange UpdateExact(int i, int j, double old, double weight, double before)
    {
        if (_forest.HasEdge(i, j))
        {
            if (TryKeepTreeEdgeChange(i, j, old, weight, before, out var kept))
            {
                return kept;
            }

            _components++;
            _hasTree = false;
            _failure = null;
            return Change(TreeChangeKind.Split, before, removed: new WeightedEdge(i, j, old));
        }

        if (weight >= old)
        {
            return Change(TreeChangeKind.Unchanged, before);
        }

        var walker = _reconnector.Walker;
        walker.Walk(_forest, i);
        if (!walker.Reached(j))
        {
            _forest.Link(i, j, weight);
            _cost += weight;
            _components--;
            _hasTree = _components == 1;
            _failure = null;
            return Change(TreeChangeKind.Joined, before, added: new WeightedEdge(i, j, weight));
        }

        int heaviest = -1;
        double heaviestWeight = weight;
        int length = TracePath(i, j);
        for (int k = 0; k < length; k++)
        {
            if (_pathKey[k] > heaviestWeight)
            {
                heaviestWeight = _pathKey[k];
                heaviest = k;
            }
        }

        if (heaviest < 0)
        {
            return Change(TreeChangeKind.Unchanged, before);
        }

        var removed = new WeightedEdge(_pathFrom[heaviest], _pathTo[heaviest], heaviestWeight);
        _forest.Cut(removed.U, removed.V);
        _forest.Link(i, j, weight);
        _cost += weight - heaviestWeight;
        return Change(TreeChangeKind.Swapped, before, removed, new WeightedEdge(i, j, weight));
    }

    private TreeChange UpdateConstrained(int i, int j, double old, double weight, double before)
    {
        if (!_hasTree)
        {
            // Only a lighter or returning link can make a feasible tree appear.
            return weight < old ? Recompute() : Change(TreeChangeKind.Unchanged, before);
        }

        if (_forest.HasEdge(i, j))
        {
            if (TryKeepTreeEdgeChange(i, j, old, weight, before, out var kept))
            {
                return kept;
            }

            // No feasible reconnection: put the edge back so the recomputation reports it among the removed ones.
            _forest.Link(i, j, old);
            _cost += old;
            return Recompute();
        }

        if (weight >= old)
        {
            return Change(TreeChangeKind.Unchanged, before);
        }

        // A lighter non-tree link: try it instead of each heavier edge on the tree path between its ends, heaviest first.
        _reconnector.Walker.Walk(_forest, i);
        int length = TracePath(i, j);
        int candidates = 0;
        for (int k = 0; k < length; k++)
        {
            if (_pathKey[k] > weight)
            {
                _pathIndex[candidates] = k;
                _pathKey[candidates] = -_pathKey[k];
                candidates++;
            }
        }

        Array.Sort(_pathKey, _pathIndex, 0, candidates);
        for (int c = 0; c < candidates; c++)
        {
            int k = _pathIndex[c];
            double w = -_pathKey[c];
            int a = _pathFrom[k];
            int b = _pathTo[k];
            _forest.Cut(a, b);
            if (_reconnector.CanLink(_forest, i, j))
            {
                _forest.Link(i, j, weight);
                _cost += weight - w;
                return Change(TreeChangeKind.Swapped, before, new WeightedEdge(a, b, w), new WeightedEdge(i, j, weight));
            }

            _forest.Link(a, b, w);
        }

        return Change(TreeChangeKind.Unchanged, before);
    }

    /// <summary>
    /// A tree edge changed weight. Lighter: same structure (a latency diameter can only shrink), reweighted. Heavier
    /// or gone: the edge is cut and the two parts rejoined by the cheapest crossing edge the constraints allow
    /// (possibly the same edge at its new weight). False when nothing rejoins them; the edge is then left cut.
    /// </summary>
    private bool TryKeepTreeEdgeChange(int i, int j, double old, double weight, double before, [NotNullWhen(true)] out TreeChange? change)
    {
        if (weight < old)
        {
            _forest.SetWeight(i, j, weight);
            _cost += weight - old;
            change = Change(TreeChangeKind.Reweighted, before);
            return true;
        }

        _forest.Cut(i, j);
        _cost -= old;
        if (_reconnector.TryFindCheapest(_forest, i, j, double.PositiveInfinity, out var join))
        {
            change = Relinked(i, j, old, join, before);
            return true;
        }

        change = null;
        return false;
    }

    /// <summary>After cutting (i, j): links the chosen crossing edge and reports it.</summary>
    private TreeChange Relinked(int i, int j, double old, WeightedEdge join, double before)
    {
        _forest.Link(join.U, join.V, join.Weight);
        _cost += join.Weight;
        return join.Connects(i, j)
            ? Change(TreeChangeKind.Reweighted, before)
            : Change(TreeChangeKind.Swapped, before, new WeightedEdge(i, j, old), join);
    }

    /// <summary>
    /// Copies the tree path from <paramref name="j"/> back to <paramref name="i"/> of the last walk (started at i)
    /// into the path buffers: edge k joins _pathFrom[k] and _pathTo[k] with weight _pathKey[k].
    /// </summary>
    private int TracePath(int i, int j)
    {
        var walker = _reconnector.Walker;
        int length = 0;
        for (int x = j; x != i; x = walker.From[x])
        {
            int p = walker.From[x];
            _forest.TryGetWeight(x, p, out double w);
            _pathFrom[length] = p;
            _pathTo[length] = x;
            _pathKey[length] = w;
            length++;
        }

        return length;
    }

    private TreeChange Change(TreeChangeKind kind, double before, WeightedEdge? removed = null, WeightedEdge? added = null) =>
        new(
            kind,
            removed is { } r ? [r] : [],
            added is { } a ? [a] : [],
            before,
            Cost,
            _hasTree);

    /// <summary>The failure of a forest that came apart: two nodes in different components.</summary>
    private TreeFailure DescribeSplit()
    {
        var walker = _reconnector.Walker;
        walker.Walk(_forest, 0);
        int other = 1;
        while (other < Count && walker.Reached(other))
        {
            other++;
        }

        return MinimumSpanningTree.Disconnected(_weights, _components, 0, Math.Min(other, Count - 1));
    }
}

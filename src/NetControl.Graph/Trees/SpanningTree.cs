using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.InteropServices;

namespace NetControl.Graph.Trees;

/// <summary>
/// An immutable spanning tree over nodes <c>0..NodeCount-1</c>, rooted at <see cref="Root"/>, with its weights as
/// they were when it was built. Its measures are exact and computed once, in O(n): <see cref="Cost"/> (sum of edge
/// weights), <see cref="MaxDegree"/>, <see cref="HopDiameter"/> (edges on the longest tree path) and
/// <see cref="LatencyDiameter"/> (weight of the heaviest tree path, found by two farthest-node walks, exact because
/// weights are non-negative). A tree is a structure, not a claim of optimality: see <see cref="TreeResult.IsOptimal"/>.
/// </summary>
public sealed class SpanningTree
{
    private readonly int[] _parent;
    private readonly double[] _parentWeight;
    private readonly int[] _degree;

    /// <summary>Takes ownership of a parent array (-1 at the single root) and the weight of each node's parent edge.</summary>
    internal SpanningTree(int[] parent, double[] parentWeight)
    {
        ValidateParents(parent);
        _parent = parent;
        _parentWeight = parentWeight;
        NodeCount = parent.Length;
        Root = Array.IndexOf(parent, -1);
        var forest = Forest.FromParents(parent, parentWeight);
        _degree = new int[NodeCount];
        var edges = ImmutableArray.CreateBuilder<WeightedEdge>(NodeCount - 1);
        double cost = 0;
        for (int v = 0; v < NodeCount; v++)
        {
            _degree[v] = forest.Degree(v);
            MaxDegree = Math.Max(MaxDegree, _degree[v]);
            if (parent[v] >= 0)
            {
                cost += parentWeight[v];
                edges.Add(new WeightedEdge(Math.Min(v, parent[v]), Math.Max(v, parent[v]), parentWeight[v]));
            }
        }

        Cost = cost;
        Edges = edges.MoveToImmutable();
        var shape = new ForestWalker(NodeCount).Diameters(forest, Root);
        HopDiameter = shape.HopDiameter;
        LatencyDiameter = shape.LatencyDiameter;
    }

    /// <summary>Number of nodes spanned.</summary>
    public int NodeCount { get; }

    /// <summary>The node the parent array hangs from.</summary>
    public int Root { get; }

    /// <summary>The <c>NodeCount - 1</c> edges, each with <c>U &lt; V</c>, ordered by child index.</summary>
    public ImmutableArray<WeightedEdge> Edges { get; }

    /// <summary>Parent of each node towards <see cref="Root"/>; -1 at the root.</summary>
    public ImmutableArray<int> Parents => ImmutableCollectionsMarshal.AsImmutableArray(_parent);

    /// <summary>Sum of the edge weights.</summary>
    public double Cost { get; }

    public int MaxDegree { get; }

    /// <summary>Number of edges on the longest tree path.</summary>
    public int HopDiameter { get; }

    /// <summary>Weight of the heaviest tree path.</summary>
    public double LatencyDiameter { get; }

    public int Degree(int node) => _degree[node];

    /// <summary>True when the tree holds the edge between <paramref name="u"/> and <paramref name="v"/>; O(1).</summary>
    public bool ContainsEdge(int u, int v) =>
        (uint)u < (uint)NodeCount && (uint)v < (uint)NodeCount && (_parent[u] == v || _parent[v] == u);

    /// <summary>Builds a tree from exactly <c>nodeCount - 1</c> edges that connect every node, rooted at <paramref name="root"/>.</summary>
    /// <exception cref="GraphException">The edges do not form a spanning tree.</exception>
    public static SpanningTree FromEdges(int nodeCount, IEnumerable<WeightedEdge> edges, int root = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nodeCount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(root);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(root, nodeCount);
        ArgumentNullException.ThrowIfNull(edges);
        var forest = new Forest(nodeCount);
        var sets = new DisjointSet(nodeCount);
        foreach (var e in edges)
        {
            if ((uint)e.U >= (uint)nodeCount || (uint)e.V >= (uint)nodeCount)
            {
                throw new GraphException($"edge {e} has an endpoint outside 0..{nodeCount - 1}");
            }

            if (!double.IsFinite(e.Weight) || e.Weight < 0)
            {
                throw new GraphException($"edge {e} has weight {e.Weight}: tree edges weigh a finite, non-negative amount");
            }

            if (!sets.Union(e.U, e.V))
            {
                throw new GraphException($"edge {e} closes a cycle: the edges do not form a tree");
            }

            forest.Link(e.U, e.V, e.Weight);
        }

        if (forest.EdgeCount != nodeCount - 1)
        {
            throw new GraphException($"{forest.EdgeCount} edges cannot span {nodeCount} nodes: a spanning tree has {nodeCount - 1}");
        }

        return FromForest(forest, root, new ForestWalker(nodeCount));
    }

    /// <summary>Orients a connected forest from <paramref name="root"/>.</summary>
    internal static SpanningTree FromForest(Forest forest, int root, ForestWalker walker)
    {
        int n = forest.Count;
        if (walker.Walk(forest, root) != n)
        {
            throw new GraphException($"the forest has {n - forest.EdgeCount} components: it is not a spanning tree");
        }

        var parent = new int[n];
        var weight = new double[n];
        var from = walker.From;
        for (int v = 0; v < n; v++)
        {
            parent[v] = from[v];
            if (v != root && forest.TryGetWeight(v, parent[v], out double w))
            {
                weight[v] = w;
            }
        }

        return new SpanningTree(parent, weight);
    }

    /// <summary>
    /// Checks that this tree is a spanning tree of <paramref name="weights"/>: the same node count, and every tree
    /// edge present in the matrix with the same weight (relative tolerance 1e-9).
    /// </summary>
    public bool IsSpanningTreeOf(WeightMatrix weights, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != NodeCount)
        {
            problem = $"the tree spans {NodeCount} nodes, the matrix has {weights.Count}";
            return false;
        }

        foreach (var e in Edges)
        {
            double w = weights[e.U, e.V];
            if (!double.IsFinite(w))
            {
                problem = $"tree edge ({weights.Describe(e.U)}, {weights.Describe(e.V)}) is not an edge of the matrix";
                return false;
            }

            if (Math.Abs(w - e.Weight) > 1e-9 * Math.Max(1, Math.Abs(w)))
            {
                problem = string.Create(
                    CultureInfo.InvariantCulture,
                    $"tree edge ({weights.Describe(e.U)}, {weights.Describe(e.V)}) weighs {e.Weight} in the tree and {w} in the matrix");
                return false;
            }
        }

        problem = null;
        return true;
    }

    /// <summary>True when the tree meets every limit of <paramref name="constraints"/>.</summary>
    public bool Satisfies(TreeConstraints constraints) => FindViolation(constraints) is null;

    /// <summary>The first limit the tree exceeds, in words, or null when it meets them all.</summary>
    public string? FindViolation(TreeConstraints constraints)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        if (MaxDegree > constraints.DegreeLimit)
        {
            int node = Array.IndexOf(_degree, MaxDegree);
            return $"node {node} has degree {MaxDegree}, above the limit {constraints.MaxDegree}";
        }

        if (HopDiameter > constraints.HopLimit)
        {
            return $"hop diameter {HopDiameter} is above the limit {constraints.MaxHopDiameter}";
        }

        if (!constraints.LatencyFits(LatencyDiameter))
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"latency diameter {LatencyDiameter:0.###} ms is above the limit {constraints.MaxLatencyDiameterMs:0.###} ms");
        }

        return null;
    }

    /// <summary>Sum of the current weights of this tree's edges in <paramref name="weights"/>; +infinity when one is gone.</summary>
    public double CostUnder(WeightMatrix weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != NodeCount)
        {
            throw new ArgumentException($"the tree spans {NodeCount} nodes, the matrix has {weights.Count}", nameof(weights));
        }

        double sum = 0;
        for (int v = 0; v < NodeCount; v++)
        {
            if (_parent[v] >= 0)
            {
                sum += weights[v, _parent[v]];
            }
        }

        return sum;
    }

    /// <summary>Copies the parent array and parent-edge weights (for algorithms that start from this tree).</summary>
    internal void CopyTo(int[] parent, double[] parentWeight)
    {
        _parent.CopyTo(parent, 0);
        _parentWeight.CopyTo(parentWeight, 0);
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"spanning tree of {NodeCount} nodes: cost {Cost:0.###}, max degree {MaxDegree}, hop diameter {HopDiameter}, latency diameter {LatencyDiameter:0.###}");

    private static void ValidateParents(int[] parent)
    {
        int n = parent.Length;
        if (n == 0)
        {
            throw new GraphException("a spanning tree needs at least one node");
        }

        var state = new byte[n];
        int roots = 0;
        for (int v = 0; v < n; v++)
        {
            int p = parent[v];
            if (p == -1)
            {
                roots++;
                state[v] = 2;
            }
            else if ((uint)p >= (uint)n || p == v)
            {
                throw new GraphException($"node {v} has parent {p}: not a node of this tree");
            }
        }

        if (roots != 1)
        {
            throw new GraphException($"a parent array with {roots} roots is not a spanning tree");
        }

        for (int v = 0; v < n; v++)
        {
            int x = v;
            while (state[x] == 0)
            {
                state[x] = 1;
                x = parent[x];
            }

            if (state[x] == 1)
            {
                throw new GraphException($"the parent array has a cycle through node {x}");
            }

            for (x = v; state[x] == 1; x = parent[x])
            {
                state[x] = 2;
            }
        }
    }
}

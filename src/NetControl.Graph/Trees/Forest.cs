namespace NetControl.Graph.Trees;

/// <summary>
/// A mutable undirected forest over nodes <c>0..n-1</c>: per-node neighbour and weight arrays with a degree count,
/// O(degree) edge lookup and removal, O(1) amortised insertion. The working form of every tree algorithm here.
/// </summary>
internal sealed class Forest
{
    private readonly int[][] _neighbours;
    private readonly double[][] _weights;
    private readonly int[] _degree;

    public Forest(int count)
    {
        _neighbours = new int[count][];
        _weights = new double[count][];
        _degree = new int[count];
        for (int v = 0; v < count; v++)
        {
            _neighbours[v] = new int[2];
            _weights[v] = new double[2];
        }
    }

    public int Count => _degree.Length;

    public int EdgeCount { get; private set; }

    public int Degree(int v) => _degree[v];

    public ReadOnlySpan<int> Neighbours(int v) => _neighbours[v].AsSpan(0, _degree[v]);

    public ReadOnlySpan<double> Weights(int v) => _weights[v].AsSpan(0, _degree[v]);

    /// <summary>Builds a forest from a parent array (-1 for roots).</summary>
    public static Forest FromParents(ReadOnlySpan<int> parent, ReadOnlySpan<double> parentWeight)
    {
        var f = new Forest(parent.Length);
        for (int v = 0; v < parent.Length; v++)
        {
            if (parent[v] >= 0)
            {
                f.Link(v, parent[v], parentWeight[v]);
            }
        }

        return f;
    }

    public void Clear()
    {
        Array.Clear(_degree);
        EdgeCount = 0;
    }

    public void Link(int u, int v, double weight)
    {
        Append(u, v, weight);
        Append(v, u, weight);
        EdgeCount++;
    }

    public void Cut(int u, int v)
    {
        if (!Remove(u, v) || !Remove(v, u))
        {
            throw new InvalidOperationException($"edge ({u},{v}) is not in the forest");
        }

        EdgeCount--;
    }

    public bool HasEdge(int u, int v) => IndexOf(u, v) >= 0;

    public bool TryGetWeight(int u, int v, out double weight)
    {
        int k = IndexOf(u, v);
        weight = k >= 0 ? _weights[u][k] : double.NaN;
        return k >= 0;
    }

    public void SetWeight(int u, int v, double weight)
    {
        int a = IndexOf(u, v);
        int b = IndexOf(v, u);
        if (a < 0 || b < 0)
        {
            throw new InvalidOperationException($"edge ({u},{v}) is not in the forest");
        }

        _weights[u][a] = weight;
        _weights[v][b] = weight;
    }

    /// <summary>Sum of edge weights, O(n).</summary>
    public double TotalWeight()
    {
        double sum = 0;
        for (int v = 0; v < _degree.Length; v++)
        {
            var nb = Neighbours(v);
            var w = Weights(v);
            for (int k = 0; k < nb.Length; k++)
            {
                if (nb[k] > v)
                {
                    sum += w[k];
                }
            }
        }

        return sum;
    }

    /// <summary>Largest degree, O(n).</summary>
    public int MaxDegree()
    {
        int max = 0;
        foreach (int d in _degree)
        {
            max = Math.Max(max, d);
        }

        return max;
    }

    /// <summary>Every edge once, as (smaller index, larger index, weight).</summary>
    public List<WeightedEdge> EdgeList()
    {
        var edges = new List<WeightedEdge>(EdgeCount);
        for (int v = 0; v < _degree.Length; v++)
        {
            var nb = Neighbours(v);
            var w = Weights(v);
            for (int k = 0; k < nb.Length; k++)
            {
                if (nb[k] > v)
                {
                    edges.Add(new WeightedEdge(v, nb[k], w[k]));
                }
            }
        }

        return edges;
    }

    private int IndexOf(int u, int v)
    {
        var nb = _neighbours[u];
        int d = _degree[u];
        for (int k = 0; k < d; k++)
        {
            if (nb[k] == v)
            {
                return k;
            }
        }

        return -1;
    }

    private void Append(int u, int v, double weight)
    {
        int d = _degree[u];
        if (d == _neighbours[u].Length)
        {
            Array.Resize(ref _neighbours[u], d * 2);
            Array.Resize(ref _weights[u], d * 2);
        }

        _neighbours[u][d] = v;
        _weights[u][d] = weight;
        _degree[u] = d + 1;
    }

    private bool Remove(int u, int v)
    {
        int k = IndexOf(u, v);
        if (k < 0)
        {
            return false;
        }

        int last = _degree[u] - 1;
        _neighbours[u][k] = _neighbours[u][last];
        _weights[u][k] = _weights[u][last];
        _degree[u] = last;
        return true;
    }
}

namespace NetControl.Graph.Trees;

/// <summary>
/// Local improvement of a centre-based tree: cuts a subtree S off its parent and hangs it, through any of its nodes
/// x (re-rooting S at x), from a cheaper node p outside S, when p has a free degree and S still fits the centre's
/// bounds: depth(p) + 1 + hop eccentricity of x in S within the depth limit, radius(p) + w(x, p) + weight
/// eccentricity of x in S within the radius. Eccentricities in S come from the two-farthest-endpoints trick. The
/// centre nodes never move, so every move keeps the tree within the constraints. A pass costs O(n x sum of subtree
/// sizes), about O(n^2 x depth); buffers are reused.
/// </summary>
internal sealed class SubtreeReparenter
{
    private readonly double[] _w;
    private readonly NearestNeighbours _nearest;
    private readonly int _n;
    private readonly int _degreeLimit;
    private readonly bool _measure;
    private readonly int[] _parent;
    private readonly BucketLists _children;
    private readonly int[] _depth;
    private readonly double[] _radius;
    private readonly int[] _degree;
    private readonly int[] _stamp;
    private readonly int[] _subtree;
    private readonly int[] _walkFrom;
    private readonly int[] _walkHops;
    private readonly double[] _walkLatency;
    private readonly int[] _eccHops;
    private readonly double[] _eccLatency;
    private readonly int[] _queue;
    private readonly int[] _path;
    private readonly byte[] _side;
    private readonly BucketLists _levels;

    private int _stampId;

    public SubtreeReparenter(WeightMatrix weights, TreeConstraints constraints, NearestNeighbours nearest)
    {
        _nearest = nearest;
        _w = weights.Values;
        _n = weights.Count;
        _degreeLimit = constraints.DegreeLimit;
        _measure = constraints.MaxHopDiameter is not null || constraints.MaxLatencyDiameterMs is not null;
        _parent = new int[_n];
        _children = new BucketLists(_n);
        _depth = new int[_n];
        _radius = new double[_n];
        _degree = new int[_n];
        _stamp = new int[_n];
        _subtree = new int[_n];
        _walkFrom = new int[_n];
        _walkHops = new int[_n];
        _walkLatency = new double[_n];
        _eccHops = new int[_n];
        _eccLatency = new double[_n];
        _queue = new int[_n];
        _path = new int[_n];
        _side = new byte[_n];
        _levels = new BucketLists(_n);

    }

    /// <summary>
    /// Improves the tree in place (parent array rooted at centre A; for an edge centre B hangs from A) until a pass
    /// moves nothing or <paramref name="maxPasses"/> passes ran; returns how many subtrees moved.
    /// </summary>
    public int Improve(TreeCentre centre, int[] parent, double[] parentWeight, int maxPasses)
    {
        Build(centre, parent);
        int moves = 0;
        for (int pass = 0; pass < maxPasses; pass++)
        {
            int before = moves;
            for (int v = 0; v < _n; v++)
            {
                if (v == centre.A || v == centre.B)
                {
                    continue;
                }

                int size = CollectSubtree(v);
                double current = parentWeight[v];
                if (TryFindMove(centre, v, size, current - (1e-12 * Math.Max(1, current)), out int x, out int p, out double w))
                {
                    Move(v, x, p, w, parentWeight, size);
                    moves++;
                }
            }

            if (moves == before)
            {
                break;
            }
        }

        _parent.AsSpan().CopyTo(parent);
        return moves;
    }

    private bool TryFindMove(TreeCentre centre, int v, int size, double below, out int bestX, out int bestP, out double best)
    {
        if (_measure && size > 1)
        {
            MeasureSubtree(v, size);
        }
        else
        {
            for (int k = 0; k < size; k++)
            {
                int x = _subtree[k];
                _eccHops[x] = _depth[x] - _depth[v];
                _eccLatency[x] = _radius[x] - _radius[v];
            }
        }

        int oldParent = _parent[v];
        best = below;
        bestX = -1;
        bestP = -1;
        for (int k = 0; k < size; k++)
        {
            int x = _subtree[k];
            int freeDegree = x == v ? _degree[x] - 1 : _degree[x];
            if (freeDegree >= _degreeLimit)
            {
                continue;
            }

            int capA = centre.MaxDepthA - 1 - _eccHops[x];
            int capB = centre.MaxDepthB - 1 - _eccHops[x];
            double radiusCap = centre.Radius - _eccLatency[x];
            if ((capA < 0 && capB < 0) || radiusCap < 0)
            {
                continue;
            }

            // Lightest first: the first feasible neighbour is x's best; the full row only when every listed one failed.
            bool settled = false;
            foreach (int p in _nearest.Of(x))
            {
                double wp = _w[(x * _n) + p];
                if (wp >= best)
                {
                    settled = true;
                    break;
                }

                if (Fits(p, wp, oldParent, capA, capB, radiusCap))
                {
                    best = wp;
                    bestX = x;
                    bestP = p;
                    settled = true;
                    break;
                }
            }

            if (!settled && !_nearest.IsWhole(x))
            {
                // Only nodes shallow enough can take S through x: scan the depth levels up to the cap.
                int offset = x * _n;
                int top = Math.Min(Math.Max(capA, capB), _n - 1);
                for (int d = 0; d <= top; d++)
                {
                    for (int p = _levels.First(d); p >= 0; p = _levels.Next(p))
                    {
                        double wp = _w[offset + p];
                        if (wp < best && Fits(p, wp, oldParent, capA, capB, radiusCap))
                        {
                            best = wp;
                            bestX = x;
                            bestP = p;
                        }
                    }
                }
            }
        }

        return bestX >= 0;
    }

    private bool Fits(int p, double w, int oldParent, int capA, int capB, double radiusCap) =>
        _stamp[p] != _stampId
        && (_degree[p] < _degreeLimit || p == oldParent)
        && _depth[p] <= (_side[p] == 0 ? capA : capB)
        && _radius[p] + w <= radiusCap;

    private void Build(TreeCentre centre, int[] parent)
    {
        parent.AsSpan().CopyTo(_parent);
        _children.Clear();
        Array.Clear(_degree);

        for (int v = 0; v < _n; v++)
        {
            int p = parent[v];
            if (p >= 0)
            {
                AddChild(p, v);
                _degree[p]++;
                _degree[v]++;
            }
        }

        // Breadth-first from A; B (an edge centre) restarts depth and radius at 0.
        int tail = 0;
        _queue[tail++] = centre.A;
        _depth[centre.A] = 0;
        _radius[centre.A] = centre.OffsetA;
        _side[centre.A] = 0;
        for (int head = 0; head < tail; head++)
        {
            int x = _queue[head];
            for (int c = _children.First(x); c >= 0; c = _children.Next(c))
            {
                if (c == centre.B)
                {
                    _depth[c] = 0;
                    _radius[c] = centre.OffsetB;
                    _side[c] = 1;
                }
                else
                {
                    _side[c] = _side[x];
                    _depth[c] = _depth[x] + 1;
                    _radius[c] = _radius[x] + _w[(x * _n) + c];
                }

                _queue[tail++] = c;
            }
        }

        _levels.Clear();
        for (int v = 0; v < _n; v++)
        {
            _levels.Add(v, _depth[v]);
        }
    }

    /// <summary>Stamps the subtree of <paramref name="v"/> into <see cref="_subtree"/>, breadth-first; returns its size.</summary>
    private int CollectSubtree(int v)
    {
        _stampId++;
        int count = 0;
        _subtree[count++] = v;
        _stamp[v] = _stampId;
        for (int head = 0; head < count; head++)
        {
            for (int c = _children.First(_subtree[head]); c >= 0; c = _children.Next(c))
            {
                _stamp[c] = _stampId;
                _subtree[count++] = c;
            }
        }

        return count;
    }

    /// <summary>Hop and weight eccentricity of every node of the collected subtree, within the subtree.</summary>
    private void MeasureSubtree(int v, int size)
    {
        int endH = v;
        int endL = v;
        for (int k = 1; k < size; k++)
        {
            int x = _subtree[k];
            if (_depth[x] > _depth[endH])
            {
                endH = x;
            }

            if (_radius[x] > _radius[endL])
            {
                endL = x;
            }
        }

        int otherH = WalkSubtree(v, endH, hops: true);
        for (int k = 0; k < size; k++)
        {
            _eccHops[_subtree[k]] = _walkHops[_subtree[k]];
        }

        WalkSubtree(v, otherH, hops: true);
        for (int k = 0; k < size; k++)
        {
            int x = _subtree[k];
            _eccHops[x] = Math.Max(_eccHops[x], _walkHops[x]);
        }

        int otherL = WalkSubtree(v, endL, hops: false);
        for (int k = 0; k < size; k++)
        {
            _eccLatency[_subtree[k]] = _walkLatency[_subtree[k]];
        }

        WalkSubtree(v, otherL, hops: false);
        for (int k = 0; k < size; k++)
        {
            int x = _subtree[k];
            _eccLatency[x] = Math.Max(_eccLatency[x], _walkLatency[x]);
        }
    }

    /// <summary>Walks the subtree rooted at <paramref name="top"/> from <paramref name="start"/>; returns the farthest node by the chosen measure.</summary>
    private int WalkSubtree(int top, int start, bool hops)
    {
        int tail = 0;
        _queue[tail++] = start;
        _walkFrom[start] = -1;
        _walkHops[start] = 0;
        _walkLatency[start] = 0;
        int farthest = start;
        for (int head = 0; head < tail; head++)
        {
            int x = _queue[head];
            int back = _walkFrom[x];
            for (int c = _children.First(x); c >= 0; c = _children.Next(c))
            {
                if (c != back)
                {
                    Visit(x, c, _w[(x * _n) + c], ref tail, ref farthest, hops);
                }
            }

            int up = _parent[x];
            if (x != top && up != back)
            {
                Visit(x, up, _w[(x * _n) + up], ref tail, ref farthest, hops);
            }
        }

        return farthest;
    }

    private void Visit(int from, int to, double weight, ref int tail, ref int farthest, bool hops)
    {
        _walkFrom[to] = from;
        _walkHops[to] = _walkHops[from] + 1;
        _walkLatency[to] = _walkLatency[from] + weight;
        _queue[tail++] = to;
        if (hops ? _walkHops[to] > _walkHops[farthest] : _walkLatency[to] > _walkLatency[farthest])
        {
            farthest = to;
        }
    }

    /// <summary>Cuts the subtree of <paramref name="v"/>, re-roots it at <paramref name="x"/> and hangs it from <paramref name="p"/>.</summary>
    private void Move(int v, int x, int p, double weight, double[] parentWeight, int size)
    {
        int old = _parent[v];
        RemoveChild(old, v);
        _degree[old]--;
        _degree[v]--;

        // Reverse the path x = y0, y1, ..., yk = v so that x becomes the subtree's root: detach every path node
        // from its parent's child list first (a node sits in one list at a time), then hang y(i) under y(i-1).
        int length = 0;
        for (int y = x; y != v; y = _parent[y])
        {
            _path[length++] = y;
        }

        for (int k = 0; k < length; k++)
        {
            RemoveChild(_parent[_path[k]], _path[k]);
        }

        _path[length++] = v;
        for (int k = length - 1; k >= 1; k--)
        {
            int below = _path[k - 1];
            int above = _path[k];
            AddChild(below, above);
            _parent[above] = below;
            parentWeight[above] = parentWeight[below];
        }

        AddChild(p, x);
        _parent[x] = p;
        parentWeight[x] = weight;
        _degree[p]++;
        _degree[x]++;

        // Depth and radius of the moved nodes, from x down.
        for (int k = 0; k < size; k++)
        {
            _levels.Remove(_subtree[k], _depth[_subtree[k]]);
        }

        _depth[x] = _depth[p] + 1;
        _radius[x] = _radius[p] + weight;
        _side[x] = _side[p];
        int tail = 0;
        _queue[tail++] = x;
        for (int head = 0; head < tail && head < size; head++)
        {
            int y = _queue[head];
            for (int c = _children.First(y); c >= 0; c = _children.Next(c))
            {
                _depth[c] = _depth[y] + 1;
                _radius[c] = _radius[y] + parentWeight[c];
                _side[c] = _side[y];
                _queue[tail++] = c;
            }
        }

        for (int k = 0; k < size; k++)
        {
            _levels.Add(_subtree[k], _depth[_subtree[k]]);
        }
    }

    private void AddChild(int p, int c) => _children.Add(c, p);

    private void RemoveChild(int p, int c) => _children.Remove(c, p);
}

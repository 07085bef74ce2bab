namespace NetControl.Graph.Trees;

/// <summary>Union-find with path halving and union by size.</summary>
internal sealed class DisjointSet
{
    private readonly int[] _parent;
    private readonly int[] _size;

    public DisjointSet(int count)
    {
        _parent = new int[count];
        _size = new int[count];
        for (int i = 0; i < count; i++)
        {
            _parent[i] = i;
            _size[i] = 1;
        }

        Sets = count;
    }

    /// <summary>Number of disjoint sets.</summary>
    public int Sets { get; private set; }

    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }

        return x;
    }

    /// <summary>Merges the sets of <paramref name="a"/> and <paramref name="b"/>; false when they were already one.</summary>
    public bool Union(int a, int b)
    {
        int ra = Find(a);
        int rb = Find(b);
        if (ra == rb)
        {
            return false;
        }

        if (_size[ra] < _size[rb])
        {
            (ra, rb) = (rb, ra);
        }

        _parent[rb] = ra;
        _size[ra] += _size[rb];
        Sets--;
        return true;
    }
}

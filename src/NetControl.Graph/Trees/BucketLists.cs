namespace NetControl.Graph.Trees;

/// <summary>
/// Nodes 0..n-1 filed under a bucket 0..n (a bucket, or a parent node) in intrusive doubly-linked lists: O(1) add
/// and remove, and a walk over one bucket without scanning the others. Each node is in at most one bucket; the
/// caller knows which and passes it back on removal.
/// </summary>
internal sealed class BucketLists
{
    private readonly int[] _head;
    private readonly int[] _next;
    private readonly int[] _prev;

    public BucketLists(int nodeCount)
    {
        _head = new int[nodeCount + 1];
        _next = new int[nodeCount];
        _prev = new int[nodeCount];
        Clear();
    }

    /// <summary>The first node in <paramref name="bucket"/>, or -1.</summary>
    public int First(int bucket) => _head[bucket];

    /// <summary>The node after <paramref name="node"/> in its bucket, or -1.</summary>
    public int Next(int node) => _next[node];

    public void Clear() => Array.Fill(_head, -1);

    public void Add(int node, int bucket)
    {
        int head = _head[bucket];
        _next[node] = head;
        _prev[node] = -1;
        if (head >= 0)
        {
            _prev[head] = node;
        }

        _head[bucket] = node;
    }

    public void Remove(int node, int bucket)
    {
        int prev = _prev[node];
        int next = _next[node];
        if (prev >= 0)
        {
            _next[prev] = next;
        }
        else
        {
            _head[bucket] = next;
        }

        if (next >= 0)
        {
            _prev[next] = prev;
        }

        _next[node] = -1;
        _prev[node] = -1;
    }
}

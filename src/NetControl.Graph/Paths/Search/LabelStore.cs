namespace NetControl.Graph.Paths.Search;

/// <summary>
/// Labels (partial paths with cost and latency) of the constrained search, and per node the set of labels
/// that no other label dominates. A new label equal to or worse than an existing one in both resources is
/// dominated; that also rules out cycles, since weights are non-negative.
/// </summary>
internal sealed class LabelStore
{
    private readonly List<int>[] _atNode;
    private readonly List<Entry> _labels = [];

    public LabelStore(int nodeCount)
    {
        _atNode = new List<int>[nodeCount];
    }

    public int Count => _labels.Count;

    public int Add(int node, double cost, double latency, int parent, int arc)
    {
        var list = _atNode[node] ??= [];
        for (int i = list.Count - 1; i >= 0; i--)
        {
            var other = _labels[list[i]];
            if (cost <= other.Cost && latency <= other.Latency)
            {
                _labels[list[i]] = other with { Removed = true };
                list.RemoveAt(i);
            }
        }

        int id = _labels.Count;
        _labels.Add(new Entry(node, cost, latency, parent, arc, false));
        list.Add(id);
        return id;
    }

    public bool IsDominated(int node, double cost, double latency)
    {
        var list = _atNode[node];
        if (list is null)
        {
            return false;
        }

        foreach (int id in list)
        {
            var other = _labels[id];
            if (other.Cost <= cost && other.Latency <= latency)
            {
                return true;
            }
        }

        return false;
    }

    public bool IsRemoved(int label) => _labels[label].Removed;

    public int Node(int label) => _labels[label].Node;

    public double Cost(int label) => _labels[label].Cost;

    public double Latency(int label) => _labels[label].Latency;

    public int[] Arcs(int label)
    {
        var arcs = new List<int>();
        for (int l = label; _labels[l].Parent >= 0; l = _labels[l].Parent)
        {
            arcs.Add(_labels[l].Arc);
        }

        arcs.Reverse();
        return [.. arcs];
    }

    private readonly record struct Entry(int Node, double Cost, double Latency, int Parent, int Arc, bool Removed);
}

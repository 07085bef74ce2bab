namespace NetControl.Graph.Paths.Search;

/// <summary>
/// Nodes and links temporarily removed from a search (Yen's root paths, a working path when looking for its
/// backup). Cleared in O(1) by bumping a generation number.
/// </summary>
internal sealed class SearchBans
{
    private readonly int[] _nodeGeneration;
    private readonly int[] _linkGeneration;
    private int _generation = 1;

    public SearchBans(int nodeCount, int linkCount)
    {
        _nodeGeneration = new int[nodeCount];
        _linkGeneration = new int[linkCount];
    }

    public void Clear() => _generation++;

    public void BanNode(int v) => _nodeGeneration[v] = _generation;

    public void BanLink(int e) => _linkGeneration[e] = _generation;

    public bool IsNodeBanned(int v) => _nodeGeneration[v] == _generation;

    public bool IsLinkBanned(int e) => _linkGeneration[e] == _generation;
}

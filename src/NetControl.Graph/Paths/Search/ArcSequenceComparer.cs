namespace NetControl.Graph.Paths.Search;

/// <summary>Compares paths by their arc sequence.</summary>
internal sealed class ArcSequenceComparer : IEqualityComparer<int[]>
{
    public static ArcSequenceComparer Instance { get; } = new();

    public bool Equals(int[]? x, int[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    public int GetHashCode(int[] obj)
    {
        var hash = default(HashCode);
        foreach (int arc in obj)
        {
            hash.Add(arc);
        }

        return hash.ToHashCode();
    }
}

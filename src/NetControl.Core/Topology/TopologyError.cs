namespace NetControl.Core.Topology;

/// <summary>One problem found while reading or validating a topology: where, and what is wrong.</summary>
public sealed record TopologyError(SourceLocation Location, string Message)
{
    public override string ToString()
    {
        string where = Location.ToString();
        return where.Length == 0 ? Message : $"{where}: {Message}";
    }
}

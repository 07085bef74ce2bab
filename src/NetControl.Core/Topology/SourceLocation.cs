namespace NetControl.Core.Topology;

/// <summary>Where in a source file something was read: file, line and column, or an element description.</summary>
public sealed record SourceLocation(string? File, int? Line = null, int? Column = null, string? Element = null)
{
    public static SourceLocation None { get; } = new((string?)null);

    public static SourceLocation InFile(string? file, int line, int column = 0) => new(file, line, column > 0 ? column : null);

    public override string ToString()
    {
        string where = File ?? string.Empty;
        if (Line is { } line)
        {
            where += Column is { } column ? $":{line}:{column}" : $":{line}";
        }

        if (Element is not null)
        {
            where = where.Length == 0 ? Element : $"{where} ({Element})";
        }

        return where;
    }
}

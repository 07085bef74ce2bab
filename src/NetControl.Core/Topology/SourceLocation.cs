namespace NetControl.Core.Topology;

/// <summary>Where in a source file something was read: file, line and column, and the element there when the format has elements.</summary>
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

        // A line and column already say where; the element is named in full only when there is no line.
        if (Element is not null && Line is null)
        {
            where = where.Length == 0 ? Element : $"{where} ({Element})";
        }

        return where;
    }
}

namespace NetControl.Cli.Output;

/// <summary>Left-aligned columns padded to their widest cell, each line after <paramref name="indent"/>.</summary>
internal static class TextTable
{
    public static void Write(TextWriter w, string[] header, IEnumerable<string[]> rows, string indent = "  ")
    {
        var all = rows.Prepend(header).ToList();
        var widths = header.Select((_, c) => all.Max(r => r[c].Length)).ToArray();
        foreach (var row in all)
        {
            w.WriteLine((indent + string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c])))).TrimEnd());
        }
    }
}

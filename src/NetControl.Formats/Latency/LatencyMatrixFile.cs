using System.Collections.Immutable;
using System.Globalization;
using NetControl.Core.Measurements;
using NetControl.Core.Topology;

namespace NetControl.Formats.Latency;

/// <summary>
/// Reads round-trip-time matrices in two forms, detected from the content:
/// <list type="bullet">
/// <item>a square matrix of whitespace-separated milliseconds, one row a line (the PlanetLab490 format); hosts
/// are named by their row number from 0; "-" or "NaN" marks an unmeasured pair;</item>
/// <item>a CSV edge list <c>a,b,rtt_ms</c>, one pair a line, an optional header line, <c>#</c> comments; pairs
/// not listed are unmeasured; a pair given once counts for both directions.</item>
/// </list>
/// </summary>
public static class LatencyMatrixFile
{
    /// <summary>Largest matrix accepted (hosts), so a corrupt file cannot exhaust memory.</summary>
    public const int MaxHosts = 20_000;

    public static LatencyMatrix Load(string path)
    {
        if (Directory.Exists(path))
        {
            throw new LatencyMatrixException(new SourceLocation(path), "is a directory, not an RTT matrix file");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new LatencyMatrixException(new SourceLocation(path), FileErrors.Describe(e));
        }

        return Parse(text, path);
    }

    public static LatencyMatrix Parse(string text, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = (text.StartsWith('\uFEFF') ? text[1..] : text).Split('\n');
        foreach (var raw in lines)
        {
            string line = StripComment(raw).Trim();
            if (line.Length > 0)
            {
                return line.Contains(',', StringComparison.Ordinal) ? ParseEdgeList(lines, file) : ParseSquare(lines, file);
            }
        }

        throw new LatencyMatrixException(new SourceLocation(file), "the file holds no RTT values");
    }

    private static LatencyMatrix ParseSquare(string[] lines, string? file)
    {
        var rows = new List<double[]>();
        var rowLines = new List<int>();
        int n = -1;
        for (int ln = 0; ln < lines.Length; ln++)
        {
            string line = StripComment(lines[ln]).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (n < 0)
            {
                n = cells.Length;
                if (n > MaxHosts)
                {
                    throw new LatencyMatrixException(SourceLocation.InFile(file, ln + 1), $"{n} columns: more than the {MaxHosts} hosts accepted");
                }
            }
            else if (cells.Length != n)
            {
                throw new LatencyMatrixException(
                    SourceLocation.InFile(file, ln + 1),
                    $"row {rows.Count} has {cells.Length} values, the first row has {n}: a square matrix needs the same count on every row");
            }

            if (rows.Count == n)
            {
                throw new LatencyMatrixException(SourceLocation.InFile(file, ln + 1), $"more than {n} rows: the matrix is not square ({n} columns)");
            }

            var row = new double[n];
            for (int c = 0; c < n; c++)
            {
                row[c] = ParseRtt(cells[c], file, ln + 1, ColumnOf(lines[ln], c));
            }

            rows.Add(row);
            rowLines.Add(ln);
        }

        if (rows.Count != n)
        {
            throw new LatencyMatrixException(new SourceLocation(file), $"{rows.Count} rows but {n} columns: the matrix is not square");
        }

        var values = new double[n * n];
        for (int r = 0; r < n; r++)
        {
            if (rows[r][r] != 0 && !double.IsNaN(rows[r][r]))
            {
                int ln = rowLines[r];
                throw new LatencyMatrixException(
                    SourceLocation.InFile(file, ln + 1, ColumnOf(lines[ln], r)),
                    $"diagonal value [{r},{r}] is {rows[r][r].ToString(CultureInfo.InvariantCulture)}, expected 0");
            }

            rows[r].CopyTo(values, r * n);
        }

        var names = Enumerable.Range(0, n).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToImmutableArray();
        return new LatencyMatrix(names, values);
    }

    private static LatencyMatrix ParseEdgeList(string[] lines, string? file)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairs = new Dictionary<(int, int), (double Rtt, int Line)>();
        bool first = true;
        for (int ln = 0; ln < lines.Length; ln++)
        {
            string line = StripComment(lines[ln]).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            if (cells.Length != 3)
            {
                throw new LatencyMatrixException(SourceLocation.InFile(file, ln + 1), $"expected 3 fields 'a,b,rtt_ms', found {cells.Length}");
            }

            string a = cells[0].Trim();
            string b = cells[1].Trim();
            string rttText = cells[2].Trim();
            bool header = first && !double.TryParse(rttText, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
            first = false;
            if (header)
            {
                continue;
            }

            if (a.Length == 0 || b.Length == 0)
            {
                throw new LatencyMatrixException(SourceLocation.InFile(file, ln + 1), "empty host name");
            }

            if (a == b)
            {
                throw new LatencyMatrixException(SourceLocation.InFile(file, ln + 1), $"RTT from host '{a}' to itself");
            }

            double rtt = ParseRtt(rttText, file, ln + 1, ThirdFieldColumn(StripComment(lines[ln])));
            int ia = IndexOf(index, a, file, ln);
            int ib = IndexOf(index, b, file, ln);
            var key = ia < ib ? (ia, ib) : (ib, ia);
            if (pairs.TryGetValue(key, out var earlier))
            {
                throw new LatencyMatrixException(SourceLocation.InFile(file, ln + 1), $"pair {a},{b} is already given on line {earlier.Line}");
            }

            pairs[key] = (rtt, ln + 1);
        }

        int n = index.Count;
        if (n < 2)
        {
            throw new LatencyMatrixException(new SourceLocation(file), "an edge list needs at least one pair of hosts");
        }

        var values = new double[n * n];
        Array.Fill(values, double.NaN);
        foreach (var ((i, j), (rtt, _)) in pairs)
        {
            values[(i * n) + j] = rtt;
            values[(j * n) + i] = rtt;
        }

        var names = index.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToImmutableArray();
        return new LatencyMatrix(names, values);
    }

    private static int IndexOf(Dictionary<string, int> index, string name, string? file, int ln)
    {
        if (!index.TryGetValue(name, out int i))
        {
            if (index.Count >= MaxHosts)
            {
                throw new LatencyMatrixException(SourceLocation.InFile(file, ln + 1), $"more than the {MaxHosts} hosts accepted");
            }

            i = index.Count;
            index[name] = i;
        }

        return i;
    }

    private static double ParseRtt(string cell, string? file, int line, int column)
    {
        if (cell is "-" || cell.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            return double.NaN;
        }

        if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
        {
            throw new LatencyMatrixException(SourceLocation.InFile(file, line, column), $"'{cell}' is not an RTT in ms");
        }

        if (v < 0)
        {
            throw new LatencyMatrixException(SourceLocation.InFile(file, line, column), $"RTT {cell} ms is negative (use '-' or NaN for an unmeasured pair)");
        }

        return v;
    }

    private static string StripComment(string line)
    {
        int hash = line.IndexOf('#', StringComparison.Ordinal);
        return hash >= 0 ? line[..hash] : line;
    }

    /// <summary>1-based column of the first non-blank character after the last comma.</summary>
    private static int ThirdFieldColumn(string line)
    {
        int i = line.LastIndexOf(',') + 1;
        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        return i + 1;
    }

    private static int ColumnOf(string line, int cellIndex)
    {
        int cell = -1;
        bool inCell = false;
        for (int i = 0; i < line.Length; i++)
        {
            bool space = char.IsWhiteSpace(line[i]);
            if (!space && !inCell && ++cell == cellIndex)
            {
                return i + 1;
            }

            inCell = !space;
        }

        return 0;
    }
}

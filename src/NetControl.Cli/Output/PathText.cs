using System.Globalization;
using NetControl.Graph.Paths;

namespace NetControl.Cli.Output;

/// <summary>Text rendering of paths.</summary>
internal static class PathText
{
    public static void Write(TextWriter w, NetworkPath path, string label)
    {
        var totals = new List<string>();
        if (path.Metric != PathMetric.Km)
        {
            totals.Add(path.LengthKm is { } l ? l.ToString("#,0.#", CultureInfo.InvariantCulture) + " km" : "? km");
        }

        if (path.Metric != PathMetric.Latency)
        {
            totals.Add(path.LatencyMs is { } t ? t.ToString("0.###", CultureInfo.InvariantCulture) + " ms" : "? ms");
        }

        if (path.Metric != PathMetric.Hops)
        {
            totals.Add(path.HopCount == 1 ? "1 hop" : $"{path.HopCount} hops");
        }

        w.WriteLine($"  {label} {Cost(path.Cost, path.Metric)}  ({string.Join(", ", totals)})  {string.Join(" > ", path.Nodes)}");
        w.WriteLine($"  {new string(' ', label.Length)} via {string.Join(", ", path.LinkIds)}");
    }

    public static string Cost(double cost, PathMetric metric) =>
        cost.ToString(metric == PathMetric.Hops ? "0" : "#,0.###", CultureInfo.InvariantCulture) + " " + metric.Unit();
}

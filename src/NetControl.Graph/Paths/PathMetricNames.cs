namespace NetControl.Graph.Paths;

/// <summary>The spelling of <see cref="PathMetric"/> in the CLI, the API and JSON.</summary>
public static class PathMetricNames
{
    public const string Accepted = "km, latency, hops";

    public static string ToName(this PathMetric metric) => metric switch
    {
        PathMetric.Latency => "latency",
        PathMetric.Km => "km",
        PathMetric.Hops => "hops",
        _ => "custom",
    };

    /// <summary>Unit of a cost in this metric, for display.</summary>
    public static string Unit(this PathMetric metric) => metric switch
    {
        PathMetric.Latency => "ms",
        PathMetric.Km => "km",
        PathMetric.Hops => "hops",
        _ => string.Empty,
    };

    public static bool TryParse(string? text, out PathMetric metric)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "latency" or "ms":
                metric = PathMetric.Latency;
                return true;
            case "km" or "length" or "distance":
                metric = PathMetric.Km;
                return true;
            case "hops" or "hop":
                metric = PathMetric.Hops;
                return true;
            default:
                metric = default;
                return false;
        }
    }
}

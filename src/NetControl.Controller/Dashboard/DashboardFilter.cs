using System.Collections.Immutable;

namespace NetControl.Controller.Dashboard;

/// <summary>
/// What a client subscribes to (MonALISA-style predicate subscription); an empty or null list means "all".
/// <list type="bullet">
/// <item><see cref="Kinds"/>: update kinds (<c>link</c>, <c>quality</c>, <c>utilisation</c>, <c>circuit</c>, <c>tree</c>, <c>event</c>).</item>
/// <item><see cref="Sites"/>: an update about links or circuits passes when one of its sites (a node's site, or its id) is listed.</item>
/// <item><see cref="Links"/>: an update about links passes when one of its links is listed (a circuit: when it uses one).</item>
/// <item><see cref="Metrics"/>: quality fields kept (<c>quality</c>, <c>rtt</c>, <c>jitter</c>, <c>loss</c>, <c>bandwidth</c>); the others are sent
/// null. Measured utilisation is the metric <c>utilisation</c>: a list without it drops utilisation updates.</item>
/// </list>
/// Updates about no link or site (the overlay tree, general events) pass the site and link filters.
/// </summary>
public sealed record DashboardFilter
{
    public static DashboardFilter All { get; } = new();

    public IReadOnlyList<string>? Kinds { get; init; }

    public IReadOnlyList<string>? Sites { get; init; }

    public IReadOnlyList<string>? Links { get; init; }

    public IReadOnlyList<string>? Metrics { get; init; }

    public bool Matches(DashboardUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return Allows(Kinds, update.Kind)
            && (update.Kind != UpdateKinds.Utilisation || Allows(Metrics, "utilisation"))
            && AnyListed(Links, update.Links)
            && AnyListed(Sites, update.Sites);
    }

    /// <summary>The update as this client receives it (quality metrics it did not ask for removed).</summary>
    public DashboardUpdate Shape(DashboardUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (Metrics is not { Count: > 0 } || update.Data is not QualityPayload q)
        {
            return update;
        }

        var shaped = q with
        {
            Quality = Allows(Metrics, "quality") ? q.Quality : null,
            RttMs = Allows(Metrics, "rtt") ? q.RttMs : null,
            JitterMs = Allows(Metrics, "jitter") ? q.JitterMs : null,
            Loss = Allows(Metrics, "loss") ? q.Loss : null,
            AvailableMbpsLow = Allows(Metrics, "bandwidth") ? q.AvailableMbpsLow : null,
            AvailableMbpsHigh = Allows(Metrics, "bandwidth") ? q.AvailableMbpsHigh : null,
        };
        return update with { Data = shaped };
    }

    private static bool Allows(IReadOnlyList<string>? list, string value) =>
        list is not { Count: > 0 } || list.Contains(value, StringComparer.OrdinalIgnoreCase);

    private static bool AnyListed(IReadOnlyList<string>? list, ImmutableArray<string> about)
    {
        if (list is not { Count: > 0 } || about.IsDefaultOrEmpty)
        {
            return true;
        }

        foreach (string item in about)
        {
            if (list.Contains(item, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

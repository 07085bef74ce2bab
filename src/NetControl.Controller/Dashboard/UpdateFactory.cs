using NetControl.Controller.Api.Json;
using NetControl.Controller.Utilisation;
using NetControl.Core.LinkState;
using NetControl.Core.Telemetry;
using NetControl.Orchestration.Lightpaths;
using NetControl.Orchestration.Overlay;

namespace NetControl.Controller.Dashboard;

/// <summary>Domain changes to <see cref="DashboardUpdate"/>s, stamped with the ingest time and what they are about.</summary>
public sealed class UpdateFactory(LinkIndex index, Core.Topology.NetworkTopology? network = null)
{
    public DashboardUpdate LinkState(string linkId, LinkStatus status, double now) =>
        new(UpdateKinds.LinkState, "link:" + linkId, now, ToPayload(linkId, status)) { Links = [linkId], Sites = index.SitesOfLink(linkId) };

    public DashboardUpdate Quality(LinkQuality quality, double now)
    {
        ArgumentNullException.ThrowIfNull(quality);
        return new(UpdateKinds.Quality, "quality:" + quality.LinkId, now, ToPayload(quality)) { Links = [quality.LinkId], Sites = index.SitesOfLink(quality.LinkId) };
    }

    /// <summary>A link's measured utilisation (payload: the API's <see cref="Api.Dtos.LinkUtilisationDto"/>).</summary>
    public DashboardUpdate Utilisation(LinkUtilisation utilisation, double now)
    {
        ArgumentNullException.ThrowIfNull(utilisation);
        var topology = network ?? throw new InvalidOperationException("utilisation updates need the network topology");
        return new(UpdateKinds.Utilisation, "utilisation:" + utilisation.LinkId, now, utilisation.ToDto(topology))
        {
            Links = [utilisation.LinkId],
            Sites = index.SitesOfLink(utilisation.LinkId),
        };
    }

    public DashboardUpdate Circuit(LightpathRecord record, double now)
    {
        ArgumentNullException.ThrowIfNull(record);
        var legs = new[] { record.Working, record.ProtectionLeg }.OfType<CircuitRoute>().ToArray();
        return new(UpdateKinds.Circuit, "circuit:" + record.Id, now, record.ToDto())
        {
            Links = [.. legs.SelectMany(l => l.Links).Distinct(StringComparer.Ordinal)],
            Sites = index.SitesOfNodes(legs.SelectMany(l => l.Nodes).Append(record.Request.From).Append(record.Request.To)),
        };
    }

    public static DashboardUpdate Tree(OverlayTree tree, double now)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return new(UpdateKinds.Tree, "tree", now, tree.ToDto());
    }

    public DashboardUpdate Event(DateTimeOffset at, string severity, string text, double now, string? linkId = null) =>
        new(UpdateKinds.Event, null, now, new EventPayload(at, severity, text))
        {
            Links = linkId is null ? [] : [linkId],
            Sites = linkId is null ? [] : index.SitesOfLink(linkId),
        };

    public static LinkStatePayload ToPayload(string linkId, LinkStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new(linkId, EnumNames<LinkCondition>.Of(status.Condition), status.Cause, status.Since);
    }

    public static QualityPayload ToPayload(LinkQuality q)
    {
        ArgumentNullException.ThrowIfNull(q);
        return new(q.LinkId, q.At, q.Quality, q.RttMedianMs, q.JitterMs, q.LossRatio, q.AvailableMbpsLow, q.AvailableMbpsHigh, EnumNames<LinkCondition>.Of(q.Condition));
    }

    public static QualityPayload ToPayload(LinkSample s) =>
        new(s.LinkId, s.IntervalEnd, null, s.RttMedianMs, s.JitterMs, s.LossRatio, s.AvailableMbpsLow, s.AvailableMbpsHigh, "-");
}

using NetControl.Controller.Api.Json;
using NetControl.Core.Telemetry;
using NetControl.Controller.Utilisation;
using NetControl.Core.Topology;
using NetControl.Orchestration.Lightpaths;
using NetControl.Orchestration.Overlay;

namespace NetControl.Controller.Dashboard;

/// <summary>Builds a <see cref="DashboardSnapshot"/> from the sources' current state, through the client's filter.</summary>
public sealed class SnapshotBuilder(
    DashboardFeed feed, DashboardOptions options, ILightpathService service, LinkTelemetry? links, LinkUtilisationTable? utilisation, ReflectorOverlay? overlay, NetworkTopology? overlayTopology, UpdateFactory updates, bool faultInjection)
{
    public DashboardSnapshot Build(DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        double now = feed.Now();
        var linkState = service.LinkState;
        var states = linkState.Topology.Links
            .Select(l => updates.LinkState(l.Id, linkState.Get(l.Id), now))
            .Where(filter.Matches)
            .Select(u => (LinkStatePayload)u.Data)
            .ToList();
        var qualities = (links?.All() ?? [])
            .Select(q => filter.Shape(updates.Quality(q, now)))
            .Where(filter.Matches)
            .Select(u => (QualityPayload)u.Data)
            .ToList();
        var utilisations = (utilisation?.All() ?? [])
            .Select(u => updates.Utilisation(u, now))
            .Where(filter.Matches)
            .Select(u => (Api.Dtos.LinkUtilisationDto)u.Data)
            .ToList();
        var circuits = service.List()
            .Select(r => updates.Circuit(r, now))
            .Where(filter.Matches)
            .Select(u => (Api.Dtos.LightpathDto)u.Data)
            .ToList();
        var tree = overlay is not null && filter.Matches(UpdateFactory.Tree(overlay.Current, now)) ? overlay.Current.ToDto() : null;
        var events = feed.RecentEvents().Where(filter.Matches).Select(u => (EventPayload)u.Data).ToList();
        return new DashboardSnapshot(
            now,
            options.FlushInterval.TotalMilliseconds,
            faultInjection,
            service.Topology.ToDto(),
            overlayTopology?.ToDto(),
            states,
            qualities,
            utilisations,
            circuits,
            tree,
            events);
    }

    /// <summary>A link's retained probe samples, oldest first (empty without telemetry or for a link never measured).</summary>
    public IReadOnlyList<QualityPayload> History(string linkId)
    {
        ArgumentNullException.ThrowIfNull(linkId);
        return links is null ? [] : [.. links.History(linkId).Select(UpdateFactory.ToPayload)];
    }
}

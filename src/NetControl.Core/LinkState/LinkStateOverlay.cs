using System.Collections.Immutable;
using NetControl.Core.Topology;

namespace NetControl.Core.LinkState;

/// <summary>
/// Operational state laid over an immutable topology snapshot: up, degraded or down per link, with cause and
/// time. Immutable: every change returns a new overlay with a higher <see cref="Version"/>, so readers
/// (path computation, the dashboard) always see one consistent picture.
/// </summary>
public sealed class LinkStateOverlay
{
    private readonly ImmutableDictionary<string, LinkStatus> _status;

    private LinkStateOverlay(NetworkTopology topology, ImmutableDictionary<string, LinkStatus> status, long version)
    {
        Topology = topology;
        _status = status;
        Version = version;
    }

    public NetworkTopology Topology { get; }

    /// <summary>Increases by one with every change.</summary>
    public long Version { get; }

    /// <summary>Links whose status differs from <see cref="LinkStatus.Initial"/>.</summary>
    public IReadOnlyDictionary<string, LinkStatus> Reported => _status;

    public static LinkStateOverlay For(NetworkTopology topology) =>
        new(topology, ImmutableDictionary.Create<string, LinkStatus>(StringComparer.Ordinal), 0);

    public LinkStatus Get(string linkId)
    {
        if (!Topology.ContainsLink(linkId))
        {
            throw new TopologyException($"unknown link '{linkId}' in topology '{Topology.Name}'");
        }

        return _status.TryGetValue(linkId, out var status) ? status : LinkStatus.Initial;
    }

    /// <summary>True when the link may carry a path: administratively up and not reported down.</summary>
    public bool IsUsable(Link link) => link.Admin == AdminState.Up && Get(link.Id).IsUsable;

    /// <summary>Returns an overlay with the link's status set. An unchanged condition keeps its original time.</summary>
    public LinkStateOverlay With(string linkId, LinkCondition condition, string cause, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cause);
        var current = Get(linkId);
        if (current.Condition == condition && current.Cause == cause)
        {
            return this;
        }

        var next = new LinkStatus(condition, cause, at);
        return new LinkStateOverlay(Topology, _status.SetItem(linkId, next), Version + 1);
    }

    /// <summary>Sets every link of the SRLG (a cable cut takes them all).</summary>
    public LinkStateOverlay WithSrlg(string srlgId, LinkCondition condition, string cause, DateTimeOffset at)
    {
        _ = Topology.GetSrlg(srlgId);
        var overlay = this;
        foreach (var link in Topology.Links.Where(l => l.Srlgs.Contains(srlgId)))
        {
            overlay = overlay.With(link.Id, condition, cause, at);
        }

        return overlay;
    }
}

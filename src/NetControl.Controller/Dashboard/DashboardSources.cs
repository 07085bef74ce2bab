using NetControl.Controller.Utilisation;
using NetControl.Core.LinkState;
using NetControl.Core.Telemetry;
using NetControl.Orchestration.Lightpaths;
using NetControl.Orchestration.Overlay;

namespace NetControl.Controller.Dashboard;

/// <summary>
/// Connects the controller's event sources to the <see cref="DashboardFeed"/>: lightpath changes, overlay tree changes
/// and probe alarms by their events (handlers only publish, which never waits); link state, link quality and measured
/// link utilisation by a poll each flush interval (<see cref="Poll"/>) that publishes what changed since the last one.
/// </summary>
public sealed class DashboardSources : IDisposable
{
    private readonly DashboardFeed _feed;
    private readonly ILightpathService _service;
    private readonly LinkTelemetry? _links;
    private readonly ReflectorOverlay? _overlay;
    private readonly UpdateFactory _updates;
    private readonly LinkUtilisationTable? _utilisation;
    private readonly Dictionary<string, DateTimeOffset> _utilisationAt = new(StringComparer.Ordinal);
    private readonly Lock _utilisationGate = new();
    private long _utilisationVersion = -1;
    private readonly Dictionary<string, DateTimeOffset> _qualityAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _circuitStates = new(StringComparer.Ordinal);
    private readonly Lock _pollGate = new();
    private readonly Lock _qualityGate = new();
    private readonly Lock _circuitGate = new();
    private LinkStateOverlay _linkState;

    public DashboardSources(DashboardFeed feed, ILightpathService service, LinkTelemetry? links, ReflectorOverlay? overlay, UpdateFactory updates, LinkUtilisationTable? utilisation = null)
    {
        _feed = feed ?? throw new ArgumentNullException(nameof(feed));
        _service = service ?? throw new ArgumentNullException(nameof(service));
        _updates = updates ?? throw new ArgumentNullException(nameof(updates));
        _links = links;
        _overlay = overlay;
        _utilisation = utilisation;
        if (utilisation is not null)
        {
            _utilisationVersion = utilisation.Version;
            foreach (var u in utilisation.All())
            {
                _utilisationAt[u.LinkId] = u.At;
            }
        }

        _linkState = service.LinkState;
        foreach (var record in service.List())
        {
            _circuitStates[record.Id] = record.State.ToString();
        }

        if (links is not null)
        {
            foreach (var q in links.All())
            {
                _qualityAt[q.LinkId] = q.At;
            }

            links.ConditionChanged += OnProbeCondition;
        }

        service.Changed += OnCircuit;
        if (overlay is not null)
        {
            overlay.TreeChanged += OnTree;
        }
    }

    /// <summary>Publishes link states, link qualities and measured utilisations that changed since the previous poll.</summary>
    public void Poll()
    {
        PollLinkState();
        PollQualities();
        PollUtilisation();
    }

    /// <summary>Publishes the link states that changed since the previous look (also done on each lightpath change, so a cut and its restoration go out together).</summary>
    private void PollLinkState()
    {
        lock (_pollGate)
        {
            double now = _feed.Now();
            var current = _service.LinkState;
            if (!ReferenceEquals(current, _linkState) && current.Version != _linkState.Version)
            {
                foreach (var (linkId, status) in current.Reported)
                {
                    var before = _linkState.Topology.ContainsLink(linkId) ? _linkState.Get(linkId) : LinkStatus.Initial;
                    if (before == status)
                    {
                        continue;
                    }

                    _feed.Publish(_updates.LinkState(linkId, status, now));
                    if (before.Condition != status.Condition)
                    {
                        _feed.Publish(_updates.Event(status.Since, Severity(status.Condition), $"link {linkId} {UpdateFactory.ToPayload(linkId, status).State}: {status.Cause}", now, linkId));
                    }
                }

                _linkState = current;
            }
        }
    }

    private void PollQualities()
    {
        if (_links is null)
        {
            return;
        }

        lock (_qualityGate)
        {
            double now = _feed.Now();
            foreach (var quality in _links.All())
            {
                if (_qualityAt.TryGetValue(quality.LinkId, out var at) && at >= quality.At)
                {
                    continue;
                }

                _qualityAt[quality.LinkId] = quality.At;
                _feed.Publish(_updates.Quality(quality, now));
            }
        }
    }

    private void PollUtilisation()
    {
        if (_utilisation is null)
        {
            return;
        }

        lock (_utilisationGate)
        {
            long version = _utilisation.Version;
            if (version == _utilisationVersion)
            {
                return;
            }

            _utilisationVersion = version;
            double now = _feed.Now();
            foreach (var u in _utilisation.All())
            {
                if (_utilisationAt.TryGetValue(u.LinkId, out var at) && at >= u.At)
                {
                    continue;
                }

                _utilisationAt[u.LinkId] = u.At;
                _feed.Publish(_updates.Utilisation(u, now));
            }
        }
    }

    public void Dispose()
    {
        _service.Changed -= OnCircuit;
        if (_links is not null)
        {
            _links.ConditionChanged -= OnProbeCondition;
        }

        if (_overlay is not null)
        {
            _overlay.TreeChanged -= OnTree;
        }
    }

    private static string Severity(LinkCondition condition) => condition switch
    {
        LinkCondition.Down => "alarm",
        LinkCondition.Degraded => "warning",
        _ => "info",
    };

    private void OnCircuit(LightpathRecord record)
    {
        PollLinkState();
        double now = _feed.Now();
        _feed.Publish(_updates.Circuit(record, now));
        string state = record.State.ToString();
        bool changed;
        lock (_circuitGate)
        {
            changed = !_circuitStates.TryGetValue(record.Id, out string? before) || before != state;
            _circuitStates[record.Id] = state;
        }

        if (changed)
        {
            var last = record.History.IsEmpty ? null : record.History[^1];
            string text = last is null
                ? $"lightpath {record.Id} {state}"
                : $"lightpath {record.Id} {last.From} -> {last.To}: {last.Cause}";
            _feed.Publish(_updates.Event(last?.At ?? record.CreatedAt, record.State == Core.Lightpaths.LightpathState.Failed ? "alarm" : "info", text, now));
        }
    }

    private void OnTree(OverlayTreeChanged change)
    {
        double now = _feed.Now();
        _feed.Publish(UpdateFactory.Tree(change.Current, now));
        _feed.Publish(_updates.Event(change.Current.InstalledAt, "info", $"overlay tree v{change.Current.Version}: +{change.Added.Length} -{change.Removed.Length} links ({change.Cause})", now));
    }

    private void OnProbeCondition(LinkConditionChange change) =>
        _feed.Publish(_updates.Event(change.At, Severity(change.Current), $"probes: link {change.LinkId} {EnumName(change.Current)}: {change.Cause}", _feed.Now(), change.LinkId));

    private static string EnumName(LinkCondition c) => Api.Json.EnumNames<LinkCondition>.Of(c);
}

using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using NetControl.Core.Devices;
using NetControl.Core.Lightpaths;
using NetControl.Core.Lightpaths.Provisioning;
using NetControl.Core.LinkState;
using NetControl.Core.Topology;
using NetControl.Orchestration.Lightpaths;

namespace NetControl.Controller.Tests.Support;

/// <summary>
/// A hand-written <see cref="ILightpathService"/> for API tests: admits requests between known nodes on a fixed route,
/// refuses bad windows like the real service, and lets a test move a lightpath to any state with <see cref="Advance"/>.
/// </summary>
internal sealed class FakeLightpathService(NetworkTopology topology) : ILightpathService
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly ConcurrentDictionary<string, LightpathRecord> _records = new(StringComparer.Ordinal);
    private int _next;

    public NetworkTopology Topology { get; } = topology;

    public LinkStateOverlay LinkState { get; set; } = LinkStateOverlay.For(topology);

    public bool RestorationFrozen { get; private set; }

    public event Action<LightpathRecord>? Changed;

    public Task<LightpathRecord> RequestAsync(LightpathRequest request, string owner, CancellationToken cancellationToken = default)
    {
        foreach (string end in new[] { request.From, request.To })
        {
            if (!Topology.ContainsNode(end.Split(':')[0]))
            {
                throw new LightpathException(LightpathErrorKind.UnknownEndpoint, $"endpoint '{end}' names no host, switch or switch port of {Topology.Name}");
            }
        }

        var start = request.Start ?? Now;
        if (request.End is { } end2 && end2 <= start)
        {
            throw new LightpathException(LightpathErrorKind.BadTimeWindow, $"the window ends ({end2:O}) before it starts ({start:O})");
        }

        string id = $"lp-{Interlocked.Increment(ref _next)}";
        var record = new LightpathRecord
        {
            Id = id,
            Owner = owner,
            Request = request,
            CreatedAt = Now,
            State = LightpathState.Provisioning,
            History = [new LightpathTransition(LightpathState.Requested, LightpathState.Provisioning, LightpathTrigger.Admitted, Now, "admitted")],
            Working = Route,
            WindowStart = start,
            WindowEnd = request.End,
            Version = 1,
        };
        Save(record);
        return Task.FromResult(record);
    }

    public static CircuitRoute Route { get; } = new()
    {
        Nodes = ["cern-fdt", "GVA-GG", "CHI-PXC", "CIT-PXC", "caltech-fdt"],
        Links = ["CERN-FDT", "CHI-GVA-QWEST", "CHI-CIT-I2", "CIT-FDT"],
        Steps =
        [
            new CrossConnectStep("GVA-GG", new CrossConnect("10001", "20005", true)),
            new CrossConnectStep("CHI-PXC", new CrossConnect("1.1a.2", "1.1a.4", true)),
            new CrossConnectStep("CIT-PXC", new CrossConnect("1.1a.1", "1.1a.2", true)),
        ],
        Ports = [],
        LatencyMs = 59.5,
        LengthKm = 11701,
    };

    public IReadOnlyList<LightpathRecord> List() => [.. _records.Values.OrderBy(r => r.Id, StringComparer.Ordinal)];

    public LightpathRecord Get(string id) =>
        _records.TryGetValue(id, out var record) ? record : throw new LightpathException(LightpathErrorKind.NotFound, $"no lightpath '{id}'");

    /// <summary>Moves a lightpath to <paramref name="state"/>, recording the transition, and raises <see cref="Changed"/>.</summary>
    public LightpathRecord Advance(string id, LightpathState state, LightpathTrigger trigger, string cause)
    {
        var current = Get(id);
        var next = current with
        {
            State = state,
            History = current.History.Add(new LightpathTransition(current.State, state, trigger, Now, cause)),
            Version = current.Version + 1,
        };
        Save(next);
        return next;
    }

    public Task<LightpathRecord> ReleaseAsync(string id, string cause, CancellationToken cancellationToken = default)
    {
        var current = Get(id);
        if (current.State is LightpathState.Releasing or LightpathState.Released)
        {
            return Task.FromResult(current);
        }

        return Task.FromResult(Advance(id, LightpathState.Releasing, LightpathTrigger.ReleaseRequested, cause));
    }

    public Task<LightpathRecord> ChangeEndAsync(string id, DateTimeOffset? end, CancellationToken cancellationToken = default)
    {
        var current = Get(id);
        if (end is { } e && e <= current.WindowStart)
        {
            throw new LightpathException(LightpathErrorKind.BadTimeWindow, $"the new end {e:O} is not after the start {current.WindowStart:O}");
        }

        var next = current with { WindowEnd = end, Version = current.Version + 1 };
        Save(next);
        return Task.FromResult(next);
    }

    public Task<LightpathRecord> RenewAsync(string id, CancellationToken cancellationToken = default)
    {
        var current = Get(id);
        var next = current with { LeaseExpiresAt = Now.AddSeconds(30), Version = current.Version + 1 };
        Save(next);
        return Task.FromResult(next);
    }

    public Task<LightpathRecord> RerouteAsync(string id, CancellationToken cancellationToken = default)
    {
        var current = Get(id);
        if (current.State != LightpathState.Active)
        {
            throw new LightpathException(LightpathErrorKind.InvalidState, $"lightpath '{id}' is {current.State}; only an active lightpath can be rerouted");
        }

        return Task.FromResult(current);
    }

    public List<(string Link, string Cause)> Repaired { get; } = [];

    public void ReportRepaired(string linkId, string cause)
    {
        if (!Topology.ContainsLink(linkId))
        {
            throw new LightpathException(LightpathErrorKind.InvalidRequest, $"no link '{linkId}' in topology '{Topology.Name}'");
        }

        Repaired.Add((linkId, cause));
    }

    public Task SetRestorationFrozenAsync(bool frozen, CancellationToken cancellationToken = default)
    {
        RestorationFrozen = frozen;
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<LightpathRecord> WatchAsync(string id, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var updates = Channel.CreateUnbounded<LightpathRecord>();
        void OnChanged(LightpathRecord r)
        {
            if (r.Id == id)
            {
                updates.Writer.TryWrite(r);
            }
        }

        Changed += OnChanged;
        try
        {
            var current = Get(id);
            yield return current;
            if (current.State == LightpathState.Released)
            {
                yield break;
            }

            await foreach (var record in updates.Reader.ReadAllAsync(cancellationToken))
            {
                yield return record;
                if (record.State == LightpathState.Released)
                {
                    yield break;
                }
            }
        }
        finally
        {
            Changed -= OnChanged;
        }
    }

    public WhatIfResult WhatIf(WhatIfRequest request) =>
        new(new PathCandidate("shortest", [Route], null), new PathCandidate("fewest-hops", [Route], null), new PathCandidate("disjoint-pair", [], "no SRLG-disjoint pair: every path leaves cern-fdt over CERN-FDT"));

    public PathCost Cost(string from, string to)
    {
        if (!Topology.ContainsNode(from) || !Topology.ContainsNode(to))
        {
            throw new LightpathException(LightpathErrorKind.UnknownEndpoint, $"unknown endpoint '{(Topology.ContainsNode(from) ? to : from)}'");
        }

        return new PathCost(from, to, Route, Route.LatencyMs, 0.0, NetControl.Core.Units.DataRate.FromGbps(10), null);
    }

    private void Save(LightpathRecord record)
    {
        _records[record.Id] = record;
        Changed?.Invoke(record);
    }
}

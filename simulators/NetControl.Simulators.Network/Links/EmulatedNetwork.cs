using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetControl.Core.Topology;
using NetControl.Simulators.Network.Truth;

namespace NetControl.Simulators.Network.Links;

/// <summary>
/// A set of emulated links, each a relay on its own free loopback port, looked up, cut and repaired by link id.
/// Disposing stops every relay.
/// </summary>
public sealed class EmulatedNetwork : IAsyncDisposable
{
    private readonly FrozenDictionary<string, EmulatedLink> _links;

    private EmulatedNetwork(FrozenDictionary<string, EmulatedLink> links, ImmutableArray<EmulatedLink> ordered)
    {
        _links = links;
        Links = ordered;
    }

    /// <summary>The links in definition order.</summary>
    public ImmutableArray<EmulatedLink> Links { get; }

    /// <summary>The link with <paramref name="linkId"/>.</summary>
    /// <exception cref="UnknownLinkException">No such link.</exception>
    public EmulatedLink this[string linkId] => _links.TryGetValue(linkId, out var link) ? link : throw new UnknownLinkException(linkId);

    /// <summary>Starts one relay per definition. Ids must be unique; if any relay fails to start, those started are stopped.</summary>
    /// <exception cref="InvalidLinkSettingsException">A duplicate id or an out-of-range setting.</exception>
    public static async Task<EmulatedNetwork> StartAsync(
        IEnumerable<EmulatedLinkDefinition> definitions,
        EmulatedLinkOptions? options = null,
        ILoggerFactory? loggers = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger<EmulatedNetwork>();
        var started = new List<EmulatedLink>();
        try
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var definition in definitions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!ids.Add(definition.Id))
                {
                    throw new InvalidLinkSettingsException($"link id '{definition.Id}' appears twice");
                }

                started.Add(EmulatedLink.Start(definition.Id, definition.Target, definition.Settings, options, logger));
            }
        }
        catch
        {
            foreach (var link in started)
            {
                await link.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        return new EmulatedNetwork(started.ToFrozenDictionary(l => l.Id, StringComparer.Ordinal), [.. started]);
    }

    /// <summary>
    /// Starts one relay per topology link. Delays come from the link (its given latency, else its length at
    /// 5 us/km, else zero) in both directions; <paramref name="customize"/> may replace the settings per link.
    /// </summary>
    public static Task<EmulatedNetwork> FromTopologyAsync(
        NetworkTopology topology,
        Func<Link, IPEndPoint> target,
        Func<Link, LinkSettings, LinkSettings>? customize = null,
        EmulatedLinkOptions? options = null,
        ILoggerFactory? loggers = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(target);
        var definitions = topology.Links.Select(link =>
        {
            var settings = LinkSettings.Symmetric(DirectionSettings.WithDelay(TimeSpan.FromMilliseconds(link.LatencyMs ?? 0)));
            return new EmulatedLinkDefinition(link.Id, target(link), customize?.Invoke(link, settings) ?? settings);
        }).ToList();
        return StartAsync(definitions, options, loggers, cancellationToken);
    }

    /// <summary>The link with <paramref name="linkId"/>, if any.</summary>
    public bool TryGetLink(string linkId, out EmulatedLink link) => _links.TryGetValue(linkId, out link!);

    /// <summary>Cuts the link with <paramref name="linkId"/>.</summary>
    /// <exception cref="UnknownLinkException">No such link.</exception>
    public void Cut(string linkId) => this[linkId].Cut();

    /// <summary>Repairs the link with <paramref name="linkId"/>.</summary>
    /// <exception cref="UnknownLinkException">No such link.</exception>
    public void Repair(string linkId) => this[linkId].Repair();

    /// <summary>A snapshot of every link's truth, by id.</summary>
    public ImmutableDictionary<string, LinkTruth> GetTruth() =>
        Links.ToImmutableDictionary(l => l.Id, l => l.GetTruth(), StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(Links.Select(l => l.DisposeAsync().AsTask())).ConfigureAwait(false);
    }
}

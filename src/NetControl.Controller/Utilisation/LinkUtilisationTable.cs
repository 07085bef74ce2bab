using NetControl.Core.Topology;
using NetControl.Drivers.Snmp.Monitoring;

namespace NetControl.Controller.Utilisation;

/// <summary>
/// Measured utilisation of every link, from interface rates of the switches at its ends (<see cref="Record"/>, fed by
/// <see cref="UtilisationPoller"/>). A direction is taken from the receiving end's input counter when that end is
/// measured (what arrived is what the link carried, also across a cut), else from the sending end's output counter.
/// Ports on no link are ignored. Keeps the latest value per port and direction; thread-safe.
/// </summary>
public sealed class LinkUtilisationTable
{
    private readonly NetworkTopology _topology;
    private readonly PortLinkMap _ports;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Measured> _links = new(StringComparer.Ordinal);
    private long _version;

    public LinkUtilisationTable(NetworkTopology topology)
    {
        _topology = topology ?? throw new ArgumentNullException(nameof(topology));
        _ports = new PortLinkMap(topology);
    }

    /// <summary>Grows by one with every <see cref="Record"/> that changed a link (for pollers of this table).</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Takes one poll of <paramref name="device"/>'s interfaces; returns the links it measured, as they are now.</summary>
    public IReadOnlyList<LinkUtilisation> Record(string device, IEnumerable<InterfaceRate> rates)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(rates);
        lock (_gate)
        {
            var touched = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var rate in rates)
            {
                foreach (var role in _ports.RolesOf(device, rate.Port))
                {
                    if (!_links.TryGetValue(role.LinkId, out var measured))
                    {
                        measured = new Measured();
                        _links[role.LinkId] = measured;
                    }

                    var value = new Reading(role.Receives ? rate.InBitsPerSecond : rate.OutBitsPerSecond, rate.At);
                    switch (role.CountsAToB, role.Receives)
                    {
                        case (true, true): measured.AToBReceived = value; break;
                        case (true, false): measured.AToBSent = value; break;
                        case (false, true): measured.BToAReceived = value; break;
                        default: measured.BToASent = value; break;
                    }

                    touched.Add(role.LinkId);
                }
            }

            if (touched.Count > 0)
            {
                _version++;
            }

            return [.. touched.Select(id => View(id, _links[id]))];
        }
    }

    /// <summary>The link's measured utilisation, or null when no interface of its ends has been measured.</summary>
    public LinkUtilisation? Get(string linkId)
    {
        ArgumentNullException.ThrowIfNull(linkId);
        lock (_gate)
        {
            return _links.TryGetValue(linkId, out var measured) ? View(linkId, measured) : null;
        }
    }

    /// <summary>Every measured link, by id.</summary>
    public IReadOnlyList<LinkUtilisation> All()
    {
        lock (_gate)
        {
            return [.. _links.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => View(e.Key, e.Value))];
        }
    }

    private LinkUtilisation View(string linkId, Measured m)
    {
        var aToB = m.AToBReceived ?? m.AToBSent;
        var bToA = m.BToAReceived ?? m.BToASent;
        var at = new[] { aToB?.At, bToA?.At }.Max() ?? DateTimeOffset.MinValue;
        return new LinkUtilisation(linkId, at, aToB?.BitsPerSecond, bToA?.BitsPerSecond, _topology.GetLink(linkId).Capacity?.BitsPerSecond);
    }

    private readonly record struct Reading(double BitsPerSecond, DateTimeOffset At);

    private sealed class Measured
    {
        public Reading? AToBReceived { get; set; }

        public Reading? AToBSent { get; set; }

        public Reading? BToAReceived { get; set; }

        public Reading? BToASent { get; set; }
    }
}

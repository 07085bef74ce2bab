using NetControl.Simulators.Optical.Model;

namespace NetControl.Simulators.Optical.Faults;

/// <summary>
/// Fibre cuts: a cut link carries no light either way until repaired. Each cut or repair recomputes the light and
/// raises the alarms it causes before returning. Unknown link or SRLG ids throw <see cref="SimulatorException"/>.
/// </summary>
public sealed class NetworkFaults
{
    private readonly SimulatedNetwork _network;

    internal NetworkFaults(SimulatedNetwork network) => _network = network;

    /// <summary>Links cut now, in topology order.</summary>
    public IReadOnlyList<string> CutLinks
    {
        get
        {
            lock (_network.Gate)
            {
                return [.. _network.Topology.Links.Select(l => l.Id).Where(id => _network.FibreLocked(id).IsCut)];
            }
        }
    }

    /// <summary>Cuts link <paramref name="linkId"/>; false when it was already cut.</summary>
    public bool CutLink(string linkId) => SetCut([linkId], true) > 0;

    /// <summary>Repairs link <paramref name="linkId"/>; false when it was not cut.</summary>
    public bool RepairLink(string linkId) => SetCut([linkId], false) > 0;

    public bool IsCut(string linkId)
    {
        lock (_network.Gate)
        {
            return _network.FibreLocked(linkId).IsCut;
        }
    }

    /// <summary>Cuts every link of shared risk group <paramref name="srlgId"/> at once (one recomputation); returns their ids.</summary>
    public IReadOnlyList<string> CutSrlg(string srlgId)
    {
        if (!_network.Topology.ContainsSrlg(srlgId))
        {
            throw new SimulatorException($"no SRLG '{srlgId}' in topology '{_network.Topology.Name}'");
        }

        var links = _network.Topology.Links.Where(l => l.Srlgs.Contains(srlgId)).Select(l => l.Id).ToList();
        SetCut(links, true);
        return links;
    }

    /// <summary>Repairs every cut link.</summary>
    public void RepairAll() => SetCut([.. _network.Topology.Links.Select(l => l.Id)], false);

    private int SetCut(IReadOnlyList<string> linkIds, bool cut) => _network.Update(() =>
    {
        // Resolve every id before changing anything: an unknown id leaves the network as it was.
        var fibres = linkIds.Select(_network.FibreLocked).ToList();
        int changed = 0;
        foreach (var fibre in fibres.Where(f => f.IsCut != cut))
        {
            fibre.IsCut = cut;
            foreach (var span in fibre.Spans)
            {
                _network.TouchLocked(span.From);
            }

            changed++;
        }

        return changed;
    });
}

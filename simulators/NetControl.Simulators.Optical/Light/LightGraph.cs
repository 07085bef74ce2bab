namespace NetControl.Simulators.Optical.Light;

/// <summary>
/// Where light can go: the fibres (<paramref name="spans"/> by transmit side, fixed for a network; a cut one carries
/// nothing), directed edges added per computation (a cross-connect from a receive side to a transmit side), each with
/// a loss, and the sources that emit light. Only what light reaches is visited, so a computation costs in proportion
/// to the lit part of the network, not its size.
/// </summary>
internal sealed class LightGraph(IReadOnlyDictionary<LightPoint, LightSpan[]> spans, int expectedLitPoints = 0)
{
    private readonly Dictionary<LightPoint, List<(LightPoint To, double LossDb)>> _edges = [];
    private readonly Dictionary<LightPoint, double> _sources = [];

    public void AddEdge(LightPoint from, LightPoint to, double lossDb)
    {
        if (!_edges.TryGetValue(from, out var list))
        {
            list = [];
            _edges[from] = list;
        }

        list.Add((to, lossDb));
    }

    /// <summary>Adds a source; two sources at one point add their powers.</summary>
    public void AddSource(LightPoint at, double dbm) =>
        _sources[at] = _sources.GetValueOrDefault(at) + OpticalPower.ToMilliwatts(dbm);

    /// <summary>
    /// Follows the light of every source along the edges and sums, per point, what arrives. Each source visits a
    /// point at most once, so a cross-connect loop ends where it closes (the light that would circulate again is
    /// ignored: it has already lost at least one fibre span and one cross-connect).
    /// </summary>
    public LightField Propagate()
    {
        var power = new Dictionary<LightPoint, double>(expectedLitPoints);
        var visited = new HashSet<LightPoint>();
        var stack = new Stack<(LightPoint Point, double Milliwatts)>();
        foreach (var (source, milliwatts) in _sources)
        {
            visited.Clear();
            stack.Push((source, milliwatts));
            while (stack.TryPop(out var item))
            {
                if (!visited.Add(item.Point))
                {
                    continue;
                }

                power[item.Point] = power.GetValueOrDefault(item.Point) + item.Milliwatts;
                if (_edges.TryGetValue(item.Point, out var edges))
                {
                    foreach (var (to, loss) in edges)
                    {
                        stack.Push((to, item.Milliwatts * OpticalPower.ToMilliwatts(-loss)));
                    }
                }

                if (spans.TryGetValue(item.Point, out var fibres))
                {
                    foreach (var span in fibres)
                    {
                        if (!span.IsCut)
                        {
                            stack.Push((span.To, item.Milliwatts * OpticalPower.ToMilliwatts(-span.LossDb)));
                        }
                    }
                }
            }
        }

        return new LightField(power);
    }
}

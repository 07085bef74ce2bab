namespace NetControl.Simulators.Optical.Light;

/// <summary>
/// The light of a network, kept up to date incrementally. Each source's light is traced along the fibres
/// (<paramref name="spans"/>, by transmit side; a cut one carries nothing) and the cross-connects
/// (<paramref name="crossConnects"/>: where light entering a receive side leaves, with its loss); every point
/// remembers which sources reach it and with what power. A change to the network names the points whose way out
/// changed (<see cref="Touch"/>); <see cref="Apply"/> then retraces only the sources that passed one of them, since
/// every other source's way is unchanged. A cost in proportion to the light that moves, not to the network.
/// </summary>
/// <remarks>
/// A source visits a point at most once, so a cross-connect loop ends where it closes (the light that would
/// circulate again is ignored: it has already lost at least one fibre span and one cross-connect). Not thread-safe:
/// the owner's lock guards it.
/// </remarks>
internal sealed class LightModel(
    IReadOnlyDictionary<LightPoint, LightSpan[]> spans,
    Func<LightPoint, IEnumerable<(LightPoint To, double LossDb)>> crossConnects)
{
    private readonly Dictionary<LightPoint, double> _sources = [];
    private readonly Dictionary<LightPoint, List<(LightPoint Point, double Milliwatts)>> _traces = [];
    private readonly Dictionary<LightPoint, List<(LightPoint Source, double Milliwatts)>> _arriving = [];
    private readonly HashSet<LightPoint> _touched = [];
    private readonly HashSet<LightPoint> _changedSources = [];
    private readonly HashSet<LightPoint> _visited = [];
    private readonly Stack<(LightPoint Point, double Milliwatts)> _stack = new();

    /// <summary>How many points are lit.</summary>
    public int LitPoints => _arriving.Count;

    /// <summary>Makes <paramref name="at"/> emit <paramref name="dbm"/>, or nothing (null).</summary>
    public void SetSource(LightPoint at, double? dbm)
    {
        if (dbm is { } power)
        {
            _sources[at] = OpticalPower.ToMilliwatts(power);
        }
        else
        {
            _sources.Remove(at);
        }

        _changedSources.Add(at);
    }

    /// <summary>Says that the way out of <paramref name="point"/> changed (a cross-connect, a mirror, a fibre cut or repair).</summary>
    public void Touch(LightPoint point) => _touched.Add(point);

    /// <summary>The power arriving at <paramref name="point"/>, in milliwatts (0 when dark). Current as of the last <see cref="Apply"/>.</summary>
    public double MilliwattsAt(LightPoint point)
    {
        if (!_arriving.TryGetValue(point, out var from))
        {
            return 0;
        }

        double sum = 0;
        foreach (var (_, milliwatts) in from)
        {
            sum += milliwatts;
        }

        return sum;
    }

    /// <summary>Retraces every source the changes since the last call affect; adds every point whose light may have changed to <paramref name="changed"/>.</summary>
    public void Apply(ISet<LightPoint> changed)
    {
        foreach (var point in _touched)
        {
            if (_arriving.TryGetValue(point, out var from))
            {
                foreach (var (source, _) in from)
                {
                    _changedSources.Add(source);
                }
            }
        }

        _touched.Clear();
        foreach (var source in _changedSources)
        {
            Untrace(source, changed);
            if (_sources.TryGetValue(source, out double milliwatts))
            {
                Trace(source, milliwatts, changed);
            }
        }

        _changedSources.Clear();
    }

    private void Untrace(LightPoint source, ISet<LightPoint> changed)
    {
        if (!_traces.Remove(source, out var trace))
        {
            return;
        }

        foreach (var (point, _) in trace)
        {
            changed.Add(point);
            var from = _arriving[point];
            from.RemoveAll(a => a.Source == source);
            if (from.Count == 0)
            {
                _arriving.Remove(point);
            }
        }
    }

    private void Trace(LightPoint source, double milliwatts, ISet<LightPoint> changed)
    {
        var trace = new List<(LightPoint, double)>();
        _visited.Clear();
        _stack.Push((source, milliwatts));
        while (_stack.TryPop(out var item))
        {
            if (!_visited.Add(item.Point))
            {
                continue;
            }

            trace.Add(item);
            changed.Add(item.Point);
            if (!_arriving.TryGetValue(item.Point, out var from))
            {
                from = new List<(LightPoint, double)>(1);
                _arriving[item.Point] = from;
            }

            from.Add((source, item.Milliwatts));
            foreach (var (to, loss) in crossConnects(item.Point))
            {
                _stack.Push((to, item.Milliwatts * OpticalPower.ToMilliwatts(-loss)));
            }

            if (spans.TryGetValue(item.Point, out var fibres))
            {
                foreach (var span in fibres)
                {
                    if (!span.IsCut)
                    {
                        _stack.Push((span.To, item.Milliwatts * OpticalPower.ToMilliwatts(-span.LossDb)));
                    }
                }
            }
        }

        _traces[source] = trace;
    }
}

namespace NetControl.Core.Telemetry;

/// <summary>
/// The latest interval start accepted from each agent probing one link, to drop redelivered and reordered samples.
/// A link has one or two agents, so a linear scan over small arrays beats a dictionary. Not thread-safe.
/// </summary>
internal sealed class SourceCursors
{
    private string[] _sources = new string[2];
    private long[] _lastStartTicks = new long[2];
    private int _count;

    /// <summary>Records <paramref name="startTicks"/> for <paramref name="source"/>; false when it is not later than the last one.</summary>
    public bool TryAdvance(string source, long startTicks)
    {
        for (int i = 0; i < _count; i++)
        {
            if (string.Equals(_sources[i], source, StringComparison.Ordinal))
            {
                if (startTicks <= _lastStartTicks[i])
                {
                    return false;
                }

                _lastStartTicks[i] = startTicks;
                return true;
            }
        }

        if (_count == _sources.Length)
        {
            Array.Resize(ref _sources, _count * 2);
            Array.Resize(ref _lastStartTicks, _count * 2);
        }

        _sources[_count] = source;
        _lastStartTicks[_count] = startTicks;
        _count++;
        return true;
    }
}

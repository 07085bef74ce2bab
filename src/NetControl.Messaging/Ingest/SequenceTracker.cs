using System.Collections.Concurrent;

namespace NetControl.Messaging.Ingest;

/// <summary>
/// Per-agent sequence bookkeeping for loss and duplicate detection end to end. The first number seen from an agent
/// starts its window (a controller joining mid-stream does not count history as lost). Gaps are remembered number by
/// number up to <c>maxTrackedMissing</c> per agent, so a resend that fills one is told apart from a duplicate.
/// Thread-safe.
/// </summary>
public sealed class SequenceTracker(int maxTrackedMissing = 1_000_000)
{
    private readonly ConcurrentDictionary<string, State> _agents = new(StringComparer.Ordinal);

    public SequenceVerdict Observe(string agentId, long sequence)
    {
        var state = _agents.GetOrAdd(agentId, static id => new State(id));
        lock (state)
        {
            return state.Observe(sequence, maxTrackedMissing);
        }
    }

    public AgentSequenceStats? Get(string agentId)
    {
        if (!_agents.TryGetValue(agentId, out var state))
        {
            return null;
        }

        lock (state)
        {
            return state.Stats();
        }
    }

    public IReadOnlyList<AgentSequenceStats> Snapshot() =>
        [.. _agents.Values.Select(s =>
        {
            lock (s)
            {
                return s.Stats();
            }
        }).OrderBy(s => s.AgentId, StringComparer.Ordinal)];

    /// <summary>Missing sequence numbers of an agent, ascending (diagnostics and tests).</summary>
    public IReadOnlyList<long> MissingOf(string agentId)
    {
        if (!_agents.TryGetValue(agentId, out var state))
        {
            return [];
        }

        lock (state)
        {
            return [.. state.Missing.Order()];
        }
    }

    private sealed class State(string agentId)
    {
        private long _first;
        private long _highest;
        private long _received;
        private long _duplicates;
        private long _late;
        private long _untracked;

        public HashSet<long> Missing { get; } = [];

        public SequenceVerdict Observe(long sequence, int maxTracked)
        {
            if (_received == 0 && _duplicates == 0)
            {
                _first = sequence;
                _highest = sequence;
                _received = 1;
                return SequenceVerdict.New;
            }

            if (sequence > _highest)
            {
                for (long s = _highest + 1; s < sequence; s++)
                {
                    if (Missing.Count >= maxTracked)
                    {
                        _untracked += sequence - s;
                        break;
                    }

                    Missing.Add(s);
                }

                _highest = sequence;
                _received++;
                return SequenceVerdict.New;
            }

            if (Missing.Remove(sequence))
            {
                _received++;
                _late++;
                return SequenceVerdict.Late;
            }

            if (sequence < _first)
            {
                // Older than the window's start (joined mid-stream, resend of history): new to us.
                _first = sequence;
                _received++;
                _late++;
                return SequenceVerdict.Late;
            }

            _duplicates++;
            return SequenceVerdict.Duplicate;
        }

        public AgentSequenceStats Stats() => new(agentId, _first, _highest, _received, _duplicates, _late, Missing.Count, _untracked);
    }
}

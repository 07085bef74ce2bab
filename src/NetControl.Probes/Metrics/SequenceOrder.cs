namespace NetControl.Probes.Metrics;

/// <summary>
/// Reordering (RFC 4737 section 3: a packet is reordered when its sequence number is lower than that of a packet
/// that arrived before it) and duplicate counting over sequence numbers in arrival order.
/// </summary>
public static class SequenceOrder
{
    /// <summary>Counts reordered and duplicate arrivals; a duplicate is not also counted as reordered.</summary>
    public static (int Reordered, int Duplicates) Count(IEnumerable<long> sequencesInArrivalOrder)
    {
        ArgumentNullException.ThrowIfNull(sequencesInArrivalOrder);
        var seen = new HashSet<long>();
        long? highest = null;
        int reordered = 0, duplicates = 0;
        foreach (var sequence in sequencesInArrivalOrder)
        {
            if (!seen.Add(sequence))
            {
                duplicates++;
                continue;
            }

            if (sequence < highest)
            {
                reordered++;
            }
            else
            {
                highest = sequence;
            }
        }

        return (reordered, duplicates);
    }
}

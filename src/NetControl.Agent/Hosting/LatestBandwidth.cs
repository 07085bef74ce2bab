using NetControl.Messaging.Contracts;

namespace NetControl.Agent.Hosting;

/// <summary>The last completed estimate towards one target, handed once to the next summary of that target.</summary>
internal sealed class LatestBandwidth
{
    private BandwidthRange? _range;

    public void Set(BandwidthRange range) => Volatile.Write(ref _range, range);

    public BandwidthRange? Take() => Interlocked.Exchange(ref _range, null);
}

using NetControl.Drivers.Snmp.Client;
using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Drivers.Snmp.Monitoring;

/// <summary>
/// Utilisation of a device's interfaces from IF-MIB 64-bit octet counters (ifHCInOctets, ifHCOutOctets): each
/// <see cref="PollAsync"/> reads them and returns, per interface seen on the previous poll too, the rate over the
/// interval between the two (<see cref="OctetCounterRate"/>: octets x 8 / seconds, counter wrap at 2^64 handled).
/// The interval comes from the injected <see cref="TimeProvider"/>, each column stamped at the middle of its walk;
/// the first poll only sets the baseline. A measurement source for links.
/// </summary>
public sealed class InterfaceRatePoller(SnmpClient client, SnmpTarget target, string device, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private Dictionary<int, (ulong In, ulong Out)>? _last;
    private long _lastInAt;
    private long _lastOutAt;
    private Dictionary<int, string>? _names;

    public async Task<IReadOnlyList<InterfaceRate>> PollAsync(CancellationToken cancellationToken = default)
    {
        _names ??= (await SnmpMibColumns.WalkAsync(client, target, SnmpMibColumns.IfName, cancellationToken).ConfigureAwait(false))
            .ToDictionary(e => e.Key, e => e.Value.AsString());

        // Each column is stamped at the middle of its walk: a walk that takes longer than the previous one (a loaded
        // agent, or poller) then does not shorten or stretch the interval the counters are divided by.
        var (inOctets, inAt) = await WalkStampedAsync(SnmpMibColumns.IfHCInOctets, cancellationToken).ConfigureAwait(false);
        var (outOctets, outAt) = await WalkStampedAsync(SnmpMibColumns.IfHCOutOctets, cancellationToken).ConfigureAwait(false);
        var now = new Dictionary<int, (ulong In, ulong Out)>();
        foreach (var (index, value) in inOctets)
        {
            if (value.Type == SnmpValueType.Counter64 && outOctets.TryGetValue(index, out var o) && o.Type == SnmpValueType.Counter64)
            {
                now[index] = (value.AsUInt64(), o.AsUInt64());
            }
        }

        var rates = new List<InterfaceRate>();
        if (_last is not null)
        {
            var interval = _time.GetElapsedTime(_lastInAt, inAt);
            double inSeconds = interval.TotalSeconds;
            double outSeconds = _time.GetElapsedTime(_lastOutAt, outAt).TotalSeconds;
            if (inSeconds > 0 && outSeconds > 0)
            {
                var stamp = _time.GetUtcNow();
                foreach (var (index, counters) in now.OrderBy(e => e.Key))
                {
                    if (_last.TryGetValue(index, out var before))
                    {
                        double inBits = OctetCounterRate.BitsPerSecond(before.In, counters.In, inSeconds);
                        double outBits = OctetCounterRate.BitsPerSecond(before.Out, counters.Out, outSeconds);
                        string port = _names.TryGetValue(index, out var n) ? n : $"ifIndex {index}";
                        rates.Add(new InterfaceRate(device, port, index, inBits, outBits, interval, stamp));
                    }
                }
            }
        }

        _last = now;
        _lastInAt = inAt;
        _lastOutAt = outAt;
        return rates;
    }

    private async Task<(Dictionary<int, SnmpValue> Rows, long At)> WalkStampedAsync(string column, CancellationToken cancellationToken)
    {
        long start = _time.GetTimestamp();
        var rows = await SnmpMibColumns.WalkAsync(client, target, column, cancellationToken).ConfigureAwait(false);
        long end = _time.GetTimestamp();
        return (rows, start + ((end - start) / 2));
    }
}

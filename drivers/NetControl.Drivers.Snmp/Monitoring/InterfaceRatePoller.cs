using NetControl.Drivers.Snmp.Client;
using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Drivers.Snmp.Monitoring;

/// <summary>
/// Utilisation of a device's interfaces from IF-MIB 64-bit octet counters (ifHCInOctets, ifHCOutOctets): each
/// <see cref="PollAsync"/> reads them and returns, per interface seen on the previous poll too, the rate over the
/// interval between the two (octets x 8 / seconds, counter wrap at 2^64 handled). The interval comes from the
/// injected <see cref="TimeProvider"/>; the first poll only sets the baseline. A measurement source for links.
/// </summary>
public sealed class InterfaceRatePoller(SnmpClient client, SnmpTarget target, string device, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private Dictionary<int, (ulong In, ulong Out)>? _last;
    private long _lastAt;
    private Dictionary<int, string>? _names;

    public async Task<IReadOnlyList<InterfaceRate>> PollAsync(CancellationToken cancellationToken = default)
    {
        _names ??= (await SnmpMibColumns.WalkAsync(client, target, SnmpMibColumns.IfName, cancellationToken).ConfigureAwait(false))
            .ToDictionary(e => e.Key, e => e.Value.AsString());
        var inOctets = await SnmpMibColumns.WalkAsync(client, target, SnmpMibColumns.IfHCInOctets, cancellationToken).ConfigureAwait(false);
        var outOctets = await SnmpMibColumns.WalkAsync(client, target, SnmpMibColumns.IfHCOutOctets, cancellationToken).ConfigureAwait(false);
        long at = _time.GetTimestamp();
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
            var interval = _time.GetElapsedTime(_lastAt, at);
            double seconds = interval.TotalSeconds;
            if (seconds > 0)
            {
                var stamp = _time.GetUtcNow();
                foreach (var (index, counters) in now.OrderBy(e => e.Key))
                {
                    if (_last.TryGetValue(index, out var before))
                    {
                        // Unsigned subtraction wraps exactly once past 2^64, as RFC 2863 counters do.
                        double inBits = unchecked(counters.In - before.In) * 8.0 / seconds;
                        double outBits = unchecked(counters.Out - before.Out) * 8.0 / seconds;
                        string port = _names.TryGetValue(index, out var n) ? n : $"ifIndex {index}";
                        rates.Add(new InterfaceRate(device, port, index, inBits, outBits, interval, stamp));
                    }
                }
            }
        }

        _last = now;
        _lastAt = at;
        return rates;
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using NetControl.Core.Devices;
using NetControl.Drivers.Tl1.Messages;
using NetControl.Drivers.Tl1.Session;

namespace NetControl.Drivers.Tl1.Drivers;

/// <summary>
/// Glimmerglass photonic MEMS switches (System 300/600) over TL1: <c>ENT-CRS-FIBER</c> / <c>DLT-CRS-FIBER</c> /
/// <c>RTRV-CRS-FIBER</c>, power from <c>RTRV-PORT-POWER</c>. The switch sends no loss-of-light alarm, so alarms are
/// found by polling port power (<see cref="Tl1DriverOptions.PowerPollInterval"/>): an input port of a
/// cross-connect below <see cref="Tl1DriverOptions.NoLightThresholdDbm"/> raises LOS, and a cross-connect in
/// CONNSTATE <c>fault</c> is reported faulty.
/// </summary>
public sealed class GlimmerglassTl1Driver(Tl1Session session, Tl1DriverOptions? options = null, TimeProvider? timeProvider = null)
    : ICrossConnectProgrammable, IOpticalPowerMonitor, IAlarmSource
{
    private readonly Tl1DriverOptions _options = options ?? new Tl1DriverOptions();
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private CoalescedRead<Dictionary<string, CrossConnectState>>? _crossConnectReads;

    public string Device => session.Device;

    public async Task ApplyAsync(CrossConnect connection, CancellationToken cancellationToken = default)
    {
        await session.SendAsync("ENT-CRS-FIBER", Aid(connection), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveAsync(CrossConnect connection, CancellationToken cancellationToken = default)
    {
        await session.SendAsync("DLT-CRS-FIBER", Aid(connection), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public CrossConnect Canonical(CrossConnect connection) => GlimmerglassPorts.Canonical(connection);

    /// <summary>
    /// Device truth, read after every command this driver sent before the call (reads are shared under load): every
    /// connected input port; the two halves of a duplex pair are merged into one duplex entry.
    /// </summary>
    public async Task<IReadOnlyList<CrossConnectState>> ReadCrossConnectsAsync(CancellationToken cancellationToken = default) =>
        Merge(await ReadSimplexAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// One <c>RTRV-CRS-FIBER</c> for the input ports the connections leave from (both halves of a duplex connection),
    /// so each reads back merged exactly as in the full table.
    /// </summary>
    public async Task<IReadOnlyList<CrossConnectState>> ReadCrossConnectsAsync(IReadOnlyCollection<CrossConnect> connections, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connections);

        // A connection that does not start at an input port cannot be on the device: nothing to ask about it.
        var inputs = connections
            .SelectMany(c => c.Duplex && GlimmerglassPorts.IsOutput(c.To) ? [c.From, GlimmerglassPorts.Partner(c.To)] : new[] { c.From })
            .Where(GlimmerglassPorts.IsInput)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (inputs.Count == 0)
        {
            return [];
        }

        var result = await session.SendAsync("RTRV-CRS-FIBER", string.Join('&', inputs), cancellationToken: cancellationToken).ConfigureAwait(false);
        return Merge(Parse(result.Lines));
    }

    /// <summary>The whole table, one simplex connection per connected input port (reads are shared under load).</summary>
    private Task<Dictionary<string, CrossConnectState>> ReadSimplexAsync(CancellationToken cancellationToken) =>
        LazyInitializer.EnsureInitialized(ref _crossConnectReads, () => new(ReadNowAsync)).ReadAsync(cancellationToken);

    private async Task<Dictionary<string, CrossConnectState>> ReadNowAsync(CancellationToken cancellationToken)
    {
        var result = await session.SendAsync("RTRV-CRS-FIBER", "all", cancellationToken: cancellationToken).ConfigureAwait(false);
        return Parse(result.Lines);
    }

    private Dictionary<string, CrossConnectState> Parse(IEnumerable<string> lines)
    {
        var simplex = new Dictionary<string, CrossConnectState>(StringComparer.Ordinal);
        foreach (string line in lines)
        {
            var p = Tl1Lines.Parameters(line);
            string input = Tl1Lines.Required(Device, p, "IPORTID", line);
            string output = Tl1Lines.Required(Device, p, "OPORTID", line);
            if (output == "0" || string.IsNullOrEmpty(output))
            {
                continue;
            }

            var status = (p["CONNSTATE"] ?? string.Empty).ToUpperInvariant() switch
            {
                "STEADY" => CrossConnectStatus.Ok,
                "FAULT" => CrossConnectStatus.Faulty,
                _ => CrossConnectStatus.Unknown,
            };
            simplex[input] = new CrossConnectState(new CrossConnect(input, output, false), status, Dbm(p["INPWR"]), Dbm(p["OUTPWR"]));
        }

        return simplex;
    }

    public async Task<IReadOnlyList<PortPower>> ReadPowerAsync(IReadOnlyCollection<string>? ports = null, CancellationToken cancellationToken = default)
    {
        string aid = ports is null || ports.Count == 0 ? "all" : string.Join('&', ports);
        var result = await session.SendAsync("RTRV-PORT-POWER", aid, cancellationToken: cancellationToken).ConfigureAwait(false);
        var list = new List<PortPower>(result.Lines.Length);
        foreach (string line in result.Lines)
        {
            var p = Tl1Lines.Parameters(line);
            string port = Tl1Lines.Required(Device, p, "PORTID", line);
            double dbm = Dbm(Tl1Lines.Required(Device, p, "PORTPOWER", line)) ?? throw new Tl1Exception(Device, $"port {port}: power '{p["PORTPOWER"]}' is not a number");
            list.Add(new PortPower(port, dbm, dbm >= _options.NoLightThresholdDbm));
        }

        return list;
    }

    /// <summary>
    /// Loss of light at the input port of each cross-connect, and faulty cross-connects, read now: one
    /// <c>RTRV-CRS-FIBER</c>, whose lines carry each connected input's power (INPWR), so a poll costs one command.
    /// </summary>
    public async Task<IReadOnlyList<DeviceAlarm>> ReadActiveAlarmsAsync(CancellationToken cancellationToken = default)
    {
        var simplex = await ReadSimplexAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var alarms = new List<DeviceAlarm>();
        foreach (var (input, half) in simplex.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (half.InputPowerDbm is { } dbm && dbm < _options.NoLightThresholdDbm)
            {
                alarms.Add(new DeviceAlarm(Device, input, "LOS", AlarmSeverity.Critical, true, now, $"input power {dbm:0.0} dBm below {_options.NoLightThresholdDbm:0.0} dBm"));
            }
        }

        foreach (var state in Merge(simplex))
        {
            if (state.Status == CrossConnectStatus.Faulty)
            {
                alarms.Add(new DeviceAlarm(Device, state.Connection.From, "CRSFAULT", AlarmSeverity.Major, true, now, $"cross-connect {state.Connection} reports CONNSTATE=fault"));
            }
        }

        return alarms;
    }

    /// <summary>
    /// Polls and reports every poll's level, a <see cref="DeviceEvent.Resynchronized"/> dated when the read began: the
    /// consumer compares it with what it knows. Change detection here would hide a port that was dark at one poll,
    /// lit in between and dark again at the next (a cut within one poll of a lightpath's set-up).
    /// </summary>
    public async IAsyncEnumerable<DeviceEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var readAt = _time.GetUtcNow();
            IReadOnlyList<DeviceAlarm>? now = null;
            try
            {
                now = await ReadActiveAlarmsAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Tl1Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The session reconnects on its own; try again at the next poll.
            }

            if (now is not null)
            {
                yield return new DeviceEvent.Resynchronized(Device, "power poll", now, readAt);
            }

            await Task.Delay(_options.PowerPollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private string Aid(CrossConnect c)
    {
        GlimmerglassPorts.Validate(Device, c);
        if (!c.Duplex)
        {
            return $"{c.From},{c.To}";
        }

        var back = GlimmerglassPorts.Reverse(c);
        return $"{c.From}&{back.From},{c.To}&{back.To}";
    }

    private static List<CrossConnectState> Merge(Dictionary<string, CrossConnectState> simplex)
    {
        var merged = new List<CrossConnectState>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (input, state) in simplex.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!used.Add(input))
            {
                continue;
            }

            var reverse = GlimmerglassPorts.Reverse(state.Connection);
            if (input != reverse.From && simplex.TryGetValue(reverse.From, out var back) && back.Connection.To == reverse.To && used.Add(reverse.From))
            {
                var status = state.Status == back.Status ? state.Status : CrossConnectStatus.Faulty;
                merged.Add(state with { Connection = state.Connection with { Duplex = true }, Status = status });
            }
            else
            {
                merged.Add(state);
            }
        }

        return merged;
    }

    private static double? Dbm(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : null;
}

using System.Globalization;
using System.Runtime.CompilerServices;
using NetControl.Core.Devices;
using NetControl.Drivers.Tl1.Alarms;
using NetControl.Drivers.Tl1.Messages;
using NetControl.Drivers.Tl1.Session;

namespace NetControl.Drivers.Tl1.Drivers;

/// <summary>
/// Calient photonic cross-connects (PXC / DiamondWave) over TL1: <c>ENT-CRS</c> 1WAY/2WAY, <c>DLT-CRS</c> by
/// connection name (<c>src-dst</c> or <c>src&gt;dst</c>), <c>RTRV-CRS</c>, power from <c>RTRV-DET-EQPT</c>, alarms
/// from autonomous <c>REPT ALM</c> with <c>RTRV-ALM-ALL</c> re-read whenever the session signals a resync (ATAG
/// gap, reconnect).
/// </summary>
public sealed class CalientTl1Driver(Tl1Session session, Tl1DriverOptions? options = null, TimeProvider? timeProvider = null)
    : ICrossConnectProgrammable, IOpticalPowerMonitor, IAlarmSource
{
    private readonly Tl1DriverOptions _options = options ?? new Tl1DriverOptions();
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private CoalescedRead<IReadOnlyList<CrossConnectState>>? _crossConnectReads;

    public string Device => session.Device;

    public async Task ApplyAsync(CrossConnect connection, CancellationToken cancellationToken = default)
    {
        await session.SendAsync("ENT-CRS", $"{connection.From},{connection.To}", payload: [$",{(connection.Duplex ? "2WAY" : "1WAY")}"], cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveAsync(CrossConnect connection, CancellationToken cancellationToken = default)
    {
        await session.SendAsync("DLT-CRS", payload: [Name(connection)], cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Calient names a connection by the ports it was made with; read-back keeps that order.</summary>
    public CrossConnect Canonical(CrossConnect connection) => connection;

    /// <summary>Device truth, read after every command this driver sent before the call (reads are shared under load).</summary>
    public Task<IReadOnlyList<CrossConnectState>> ReadCrossConnectsAsync(CancellationToken cancellationToken = default) =>
        LazyInitializer.EnsureInitialized(ref _crossConnectReads, () => new(ReadNowAsync)).ReadAsync(cancellationToken);

    /// <summary>One <c>RTRV-CRS::port</c> per source port, all sent at once: a connection is found at the port it was made from.</summary>
    public async Task<IReadOnlyList<CrossConnectState>> ReadCrossConnectsAsync(IReadOnlyCollection<CrossConnect> connections, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connections);
        var reads = connections.Select(c => c.From).Distinct(StringComparer.Ordinal)
            .Select(port => session.SendAsync("RTRV-CRS", port, cancellationToken: cancellationToken))
            .ToList();
        var results = await Task.WhenAll(reads).ConfigureAwait(false);
        return Parse(results.SelectMany(r => r.Lines)).DistinctBy(s => s.Connection).ToList();
    }

    private async Task<IReadOnlyList<CrossConnectState>> ReadNowAsync(CancellationToken cancellationToken)
    {
        var result = await session.SendAsync("RTRV-CRS", cancellationToken: cancellationToken).ConfigureAwait(false);
        return Parse(result.Lines);
    }

    private List<CrossConnectState> Parse(IEnumerable<string> lines)
    {
        var list = new List<CrossConnectState>();
        foreach (string line in lines)
        {
            var p = Tl1Lines.Parameters(line);
            string src = Tl1Lines.Required(Device, p, "SRCPORT", line);
            string dst = Tl1Lines.Required(Device, p, "DSTPORT", line);
            bool duplex = !string.Equals(p["CONNTYPE"], "1WAY", StringComparison.OrdinalIgnoreCase);
            var status = p["OC"] is string oc
                ? oc.Equals("OK", StringComparison.OrdinalIgnoreCase) ? CrossConnectStatus.Ok : CrossConnectStatus.Faulty
                : CrossConnectStatus.Unknown;
            list.Add(new CrossConnectState(new CrossConnect(src, dst, duplex), status));
        }

        return list;
    }

    /// <summary>Input power of the listed ports, or of every port used by a cross-connect.</summary>
    public async Task<IReadOnlyList<PortPower>> ReadPowerAsync(IReadOnlyCollection<string>? ports = null, CancellationToken cancellationToken = default)
    {
        IEnumerable<string> targets = ports is { Count: > 0 }
            ? ports
            : (await ReadCrossConnectsAsync(cancellationToken).ConfigureAwait(false)).SelectMany(c => new[] { c.Connection.From, c.Connection.To }).Distinct(StringComparer.Ordinal);
        var list = new List<PortPower>();
        foreach (string port in targets)
        {
            var result = await session.SendAsync("RTRV-DET-EQPT", port, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (string line in result.Lines)
            {
                var p = Tl1Lines.Parameters(line);
                string text = Tl1Lines.Required(Device, p, "INOPTICALPOWER", line);
                double dbm = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
                    ? v
                    : throw new Tl1Exception(Device, $"port {port}: INOPTICALPOWER '{text}' is not a number");
                list.Add(new PortPower(port, dbm, dbm >= _options.NoLightThresholdDbm));
            }
        }

        return list;
    }

    public async Task<IReadOnlyList<DeviceAlarm>> ReadActiveAlarmsAsync(CancellationToken cancellationToken = default)
    {
        var result = await session.SendAsync("RTRV-ALM-ALL", cancellationToken: cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow().UtcDateTime;
        return [.. result.Lines.Select(line => ParseAlarm(line, now)).Where(a => !a.IsCleared)];
    }

    /// <summary>REPT ALM as alarms; after every resync request, the alarms active now (a <see cref="DeviceEvent.Resynchronized"/>).</summary>
    public async IAsyncEnumerable<DeviceEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var e in session.Events.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            switch (e)
            {
                case Tl1SessionEvent.Autonomous { Message: var m } when m.Report.StartsWith("REPT ALM", StringComparison.OrdinalIgnoreCase):
                    foreach (string line in m.Lines)
                    {
                        yield return new DeviceEvent.Alarm(ParseAlarm(line, m.Header.Timestamp));
                    }

                    break;
                case Tl1SessionEvent.ResyncNeeded resync:
                    IReadOnlyList<DeviceAlarm>? active = null;
                    var readAt = _time.GetUtcNow();
                    try
                    {
                        active = await ReadActiveAlarmsAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (Tl1Exception) when (!cancellationToken.IsCancellationRequested)
                    {
                        // Disconnected again: the reconnect brings another resync request.
                    }

                    if (active is not null)
                    {
                        yield return new DeviceEvent.Resynchronized(Device, resync.Reason, active, readAt, ChangesFollow: true);
                    }

                    break;
            }
        }
    }

    private DeviceAlarm ParseAlarm(string line, DateTime headerTime)
    {
        try
        {
            return Tl1AlarmLine.Parse(Device, line, headerTime);
        }
        catch (FormatException ex)
        {
            throw new Tl1Exception(Device, ex.Message, inner: ex);
        }
    }

    private static string Name(CrossConnect c) => c.Duplex ? $"{c.From}-{c.To}" : $"{c.From}>{c.To}";
}

using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
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
public sealed class CalientTl1Driver : ICrossConnectProgrammable, IOpticalPowerMonitor, IAlarmSource
{
    private readonly Tl1Session _session;
    private readonly Tl1DriverOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private CoalescedRead<IReadOnlyList<CrossConnectState>>? _crossConnectReads;

    public CalientTl1Driver(Tl1Session session, Tl1DriverOptions? options = null, TimeProvider? timeProvider = null)
        : this(session, options, timeProvider, null)
    {
    }

    /// <summary>A driver that logs what it cannot read (an unreadable alarm line) to <paramref name="logger"/>.</summary>
    public CalientTl1Driver(Tl1Session session, Tl1DriverOptions? options, TimeProvider? timeProvider, ILogger<CalientTl1Driver>? logger)
    {
        ArgumentNullException.ThrowIfNull(session);
        _session = session;
        _options = options ?? new Tl1DriverOptions();
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<CalientTl1Driver>.Instance;
    }

    public string Device => _session.Device;

    public async Task ApplyAsync(CrossConnect connection, CancellationToken cancellationToken = default)
    {
        await _session.SendAsync("ENT-CRS", $"{connection.From},{connection.To}", payload: [$",{(connection.Duplex ? "2WAY" : "1WAY")}"], cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveAsync(CrossConnect connection, CancellationToken cancellationToken = default)
    {
        await _session.SendAsync("DLT-CRS", payload: [Name(connection)], cancellationToken: cancellationToken).ConfigureAwait(false);
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
            .Select(port => _session.SendAsync("RTRV-CRS", port, cancellationToken: cancellationToken))
            .ToList();
        var results = await Task.WhenAll(reads).ConfigureAwait(false);
        return Parse(results.SelectMany(r => r.Lines)).DistinctBy(s => s.Connection).ToList();
    }

    private async Task<IReadOnlyList<CrossConnectState>> ReadNowAsync(CancellationToken cancellationToken)
    {
        var result = await _session.SendAsync("RTRV-CRS", cancellationToken: cancellationToken).ConfigureAwait(false);
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
            var result = await _session.SendAsync("RTRV-DET-EQPT", port, cancellationToken: cancellationToken).ConfigureAwait(false);
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
        var result = await _session.SendAsync("RTRV-ALM-ALL", cancellationToken: cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow().UtcDateTime;
        return [.. result.Lines.Select(line => ParseAlarm(line, now)).Where(a => !a.IsCleared)];
    }

    /// <summary>
    /// REPT ALM as alarms; after every resync request, the alarms active now (a <see cref="DeviceEvent.Resynchronized"/>).
    /// An unreadable alarm line is logged and skipped; the other lines of its message still count, and a resync
    /// follows the message, since what the line said is lost.
    /// </summary>
    public async IAsyncEnumerable<DeviceEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var e in _session.Events.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            switch (e)
            {
                case Tl1SessionEvent.Autonomous { Message: var m } when m.Report.StartsWith("REPT ALM", StringComparison.OrdinalIgnoreCase):
                    bool unreadable = false;
                    foreach (string line in m.Lines)
                    {
                        if (TryParseAlarm(m, line) is { } alarm)
                        {
                            yield return new DeviceEvent.Alarm(alarm);
                        }
                        else
                        {
                            unreadable = true;
                        }
                    }

                    if (unreadable && await ResyncAsync($"unreadable alarm line in {m.Report} (ATAG {m.Atag})", cancellationToken).ConfigureAwait(false) is { } afterUnreadable)
                    {
                        yield return afterUnreadable;
                    }

                    break;
                case Tl1SessionEvent.ResyncNeeded resync:
                    if (await ResyncAsync(resync.Reason, cancellationToken).ConfigureAwait(false) is { } resynchronized)
                    {
                        yield return resynchronized;
                    }

                    break;
            }
        }
    }

    /// <summary>The alarms active now, or null when the session is down (its reconnect brings another resync request).</summary>
    private async Task<DeviceEvent.Resynchronized?> ResyncAsync(string reason, CancellationToken cancellationToken)
    {
        var readAt = _time.GetUtcNow();
        try
        {
            var active = await ReadActiveAlarmsAsync(cancellationToken).ConfigureAwait(false);
            return new DeviceEvent.Resynchronized(Device, reason, active, readAt, ChangesFollow: true);
        }
        catch (Tl1Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>The alarm of one REPT ALM line, or null (logged) when the line cannot be read.</summary>
    private DeviceAlarm? TryParseAlarm(Tl1AutonomousMessage message, string line)
    {
        try
        {
            return Tl1AlarmLine.Parse(Device, line, message.Header.Timestamp);
        }
        catch (FormatException ex)
        {
            Tl1DriverLog.UnreadableAlarm(_logger, Device, message.Report, message.Atag, ex.Message);
            return null;
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

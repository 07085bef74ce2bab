using NetControl.Simulators.Optical.Snmp.Mib;

namespace NetControl.Simulators.Optical.Snmp.Notifications;

/// <summary>
/// Watches the light of a switch's ports for ifOperStatus changes (a fibre cut or repair, a transmitter switched
/// off, a cross-connect made or deleted): every <see cref="SnmpAgentOptions.LinkPollInterval"/> of the agent's clock
/// it reads one snapshot, advances the traffic counters, and for every port whose state differs from the last one
/// seen sets ifLastChange and reports a <see cref="LinkChange"/>. The model raises no event for light changes, hence
/// the polling; <see cref="Poll"/> may also be called directly. The first look (at construction) sets the baseline
/// and reports nothing.
/// </summary>
internal sealed class LinkMonitor : IDisposable
{
    private readonly AgentContext _agent;
    private readonly Action<LinkChange> _changed;
    private readonly Lock _gate = new();
    private readonly bool[] _up;
    private ITimer? _timer;

    public LinkMonitor(AgentContext agent, Action<LinkChange> changed)
    {
        _agent = agent;
        _changed = changed;
        var snapshot = agent.Switch.Snapshot();
        _up = [.. agent.Ports.Select(r => r.IsOperUp(snapshot.Power[r.Name], snapshot.NoLightThresholdDbm))];
    }

    /// <summary>Starts polling on the agent's clock.</summary>
    public void Start()
    {
        var interval = _agent.Options.LinkPollInterval;
        _timer = _agent.Time.CreateTimer(_ => Poll(), null, interval, interval);
    }

    /// <summary>Looks at the ports now and reports the changes since the previous look, in ifIndex order.</summary>
    public void Poll()
    {
        // Reported under the lock so that two overlapping polls cannot deliver changes out of order; the receiver
        // only queues them.
        lock (_gate)
        {
            var snapshot = _agent.Switch.Snapshot();
            long now = _agent.Time.GetTimestamp();
            uint upTime = _agent.UpTime(now);
            foreach (var row in _agent.Ports)
            {
                row.Count(snapshot, now);
                bool up = row.IsOperUp(snapshot.Power[row.Name], snapshot.NoLightThresholdDbm);
                if (up != _up[row.IfIndex - 1])
                {
                    _up[row.IfIndex - 1] = up;
                    row.LastChange = upTime;
                    _changed(new LinkChange(row, up, upTime));
                }
            }
        }
    }

    public void Dispose() => _timer?.Dispose();
}

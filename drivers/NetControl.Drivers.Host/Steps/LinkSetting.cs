using System.Globalization;
using NetControl.Drivers.Host.Shell;

namespace NetControl.Drivers.Host.Steps;

/// <summary>An integer setting of an interface that <c>ip link set</c> changes: <c>mtu</c> or <c>txqueuelen</c>.</summary>
public sealed record LinkSetting(string Device, LinkSettingKind Kind, int Value) : IHostStep
{
    public static LinkSetting Mtu(string device, int mtu) => new(device, LinkSettingKind.Mtu, mtu);

    public static LinkSetting TxQueueLength(string device, int length) => new(device, LinkSettingKind.TxQueueLength, length);

    private string Word => Kind == LinkSettingKind.Mtu ? "mtu" : "txqueuelen";

    public string Describe() => $"{Word} {Value} on {Device}";

    public async Task<StepPlan> PlanAsync(HostReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var link = await reader.LinkAsync(Device, cancellationToken).ConfigureAwait(false);
        var apply = HostCommand.Of("ip", "link", "set", "dev", Device, Word, Value.ToString(CultureInfo.InvariantCulture));
        if (link is not { } l)
        {
            // Created by an earlier step of the same plan (a dry run): nothing of ours to restore, deleting it does.
            return StepPlan.Change("no such interface yet", [apply], []);
        }

        int current = l.TryGetProperty(Kind == LinkSettingKind.Mtu ? "mtu" : "txqlen", out var v) ? v.GetInt32() : -1;
        return current == Value
            ? StepPlan.Holds($"{Word} {current}")
            : StepPlan.Change($"{Word} {current}", [apply], [HostCommand.Of("ip", "link", "set", "dev", Device, Word, current.ToString(CultureInfo.InvariantCulture))]);
    }
}

public enum LinkSettingKind
{
    Mtu,
    TxQueueLength,
}

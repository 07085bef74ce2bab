using System.Globalization;
using NetControl.Drivers.Host.Shell;

namespace NetControl.Drivers.Host.Steps;

/// <summary>An 802.1Q sub-interface <paramref name="Name"/> with VLAN id <paramref name="VlanId"/> on <paramref name="Parent"/>, up.</summary>
public sealed record VlanInterface(string Parent, int VlanId, string Name) : IHostStep
{
    public string Describe() => $"vlan {Name} (id {VlanId}) on {Parent}";

    public string? Explain(HostCommandResult failed) =>
        failed?.Error.Contains("Unknown device type", StringComparison.Ordinal) == true
            ? "this kernel cannot make VLAN interfaces (no 802.1Q support: CONFIG_VLAN_8021Q / module 8021q)"
            : null;

    public async Task<StepPlan> PlanAsync(HostReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var link = await reader.LinkAsync(Name, cancellationToken).ConfigureAwait(false);
        string id = VlanId.ToString(CultureInfo.InvariantCulture);
        if (link is not { } l)
        {
            return StepPlan.Change(
                "absent",
                [HostCommand.Of("ip", "link", "add", "link", Parent, "name", Name, "type", "vlan", "id", id), HostCommand.Of("ip", "link", "set", "dev", Name, "up")],
                [HostCommand.Of("ip", "link", "del", "dev", Name)]);
        }

        bool isVlan = l.TryGetProperty("linkinfo", out var info) && info.TryGetProperty("info_kind", out var kind) && kind.GetString() == "vlan"
            && info.TryGetProperty("info_data", out var data) && data.TryGetProperty("id", out var vid) && vid.GetInt32() == VlanId
            && l.TryGetProperty("link", out var parent) && parent.GetString() == Parent;
        if (!isVlan)
        {
            throw new HostStateException($"{reader.Shell.Describe()}: interface {Name} exists but is not vlan {VlanId} on {Parent}; not touching it");
        }

        bool up = l.TryGetProperty("flags", out var flags) && flags.EnumerateArray().Any(f => f.GetString() == "UP");
        return up
            ? StepPlan.Holds("present, up")
            : StepPlan.Change("present, down", [HostCommand.Of("ip", "link", "set", "dev", Name, "up")], [HostCommand.Of("ip", "link", "set", "dev", Name, "down")]);
    }
}

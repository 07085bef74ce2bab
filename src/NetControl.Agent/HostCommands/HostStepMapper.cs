using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using NetControl.Drivers.Host.Steps;
using NetControl.Messaging.Commands;

namespace NetControl.Agent.HostCommands;

/// <summary>
/// Turns a command's step into a host driver step, field by field: interface names as the kernel allows them,
/// addresses and prefixes that parse, numbers in range, and only the sysctls on <see cref="AllowedSysctls"/> (the TCP
/// stack ones): a signed command still cannot set an arbitrary kernel knob.
/// </summary>
public static partial class HostStepMapper
{
    public static readonly IReadOnlySet<string> AllowedSysctls = new HashSet<string>(StringComparer.Ordinal)
    {
        "net.core.rmem_max", "net.core.wmem_max", "net.core.rmem_default", "net.core.wmem_default",
        "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem", "net.ipv4.tcp_congestion_control", "net.ipv4.tcp_mtu_probing",
        "net.core.netdev_max_backlog", "net.ipv4.tcp_no_metrics_save",
    };

    public static bool TryMap(HostStepSpec spec, out IHostStep? step, out string error)
    {
        ArgumentNullException.ThrowIfNull(spec);
        step = null;
        error = string.Empty;
        try
        {
            step = spec.Kind switch
            {
                "address" => new InterfaceAddress(Device(spec.Device), Cidr(spec.Cidr, "cidr")),
                "mtu" => LinkSetting.Mtu(Device(spec.Device), Range(spec.Value, 68, 65535, "value")),
                "txqueuelen" => LinkSetting.TxQueueLength(Device(spec.Device), Range(spec.Value, 0, 1_000_000, "value")),
                "vlan" => new VlanInterface(Device(spec.Parent), Range(spec.VlanId, 1, 4094, "vlanId"), Device(spec.Device)),
                "route" => new Route(Cidr(spec.Prefix, "prefix"), Device(spec.Device), spec.Via is null ? null : Address(spec.Via, "via"), Table(spec.Table)),
                "rule" => new PolicyRule(spec.From is { } f && f.Contains('/', StringComparison.Ordinal) ? Cidr(f, "from") : Address(spec.From, "from"), Table(spec.Table) ?? throw new FormatException("table is required"), Range(spec.Priority, 1, 32765, "priority")),
                "sysctl" => new Sysctl(Key(spec.Key), Setting(spec.Setting)),
                _ => throw new FormatException($"unknown step kind '{spec.Kind}'"),
            };
            return true;
        }
        catch (FormatException ex)
        {
            error = $"{spec.Kind} step: {ex.Message}";
            return false;
        }
    }

    private static string Device(string? name) =>
        name is not null && InterfaceName().IsMatch(name) ? name : throw new FormatException($"'{name}' is not an interface name");

    private static string Cidr(string? text, string field)
    {
        int slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        bool ok = slash > 0
            && IPAddress.TryParse(text![..slash], out var address)
            && int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int length)
            && length <= (address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
        return ok ? text! : throw new FormatException($"{field} '{text}' is not an address/prefix");
    }

    private static string Address(string? text, string field) =>
        text is not null && IPAddress.TryParse(text, out _) ? text : throw new FormatException($"{field} '{text}' is not an IP address");

    private static int Range(int? value, int min, int max, string field) =>
        value is int v && v >= min && v <= max ? v : throw new FormatException($"{field} must be between {min} and {max}");

    private static string? Table(string? table) =>
        table is null || TableName().IsMatch(table) ? table : throw new FormatException($"table '{table}' is not a routing table number or name");

    private static string Key(string? key) =>
        key is not null && AllowedSysctls.Contains(key) ? key : throw new FormatException($"sysctl '{key}' is not on the agent's allow-list");

    private static string Setting(string? value) =>
        value is not null && SettingText().IsMatch(value) ? value : throw new FormatException($"setting '{value}' is not numbers or a word");

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,15}$")]
    private static partial Regex InterfaceName();

    [GeneratedRegex(@"^([0-9]{1,10}|[a-z][a-z0-9_-]{0,30})$")]
    private static partial Regex TableName();

    [GeneratedRegex(@"^[A-Za-z0-9 ]{1,64}$")]
    private static partial Regex SettingText();
}

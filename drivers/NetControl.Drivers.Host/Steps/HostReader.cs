using System.Text.Json;
using NetControl.Drivers.Host.Shell;

namespace NetControl.Drivers.Host.Steps;

/// <summary>Read-only queries of a host's network state (iproute2 JSON, sysctl), through its shell.</summary>
public sealed class HostReader(IHostShell shell)
{
    public IHostShell Shell { get; } = shell;

    /// <summary>The interface as <c>ip -j -d link show</c> prints it; null when there is no such interface.</summary>
    public async Task<JsonElement?> LinkAsync(string device, CancellationToken cancellationToken = default)
    {
        var result = await Shell.RunAsync(HostCommand.Of("ip", "-j", "-d", "link", "show", "dev", device), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return IsMissingDevice(result) ? null : throw Failed(HostCommand.Of("ip", "-j", "-d", "link", "show", "dev", device), result);
        }

        var items = Parse(result.Output);
        return items.GetArrayLength() == 0 ? null : items[0].Clone();
    }

    /// <summary>Addresses of <paramref name="device"/> as <c>a.b.c.d/len</c>; empty when there is no such interface.</summary>
    public async Task<IReadOnlyList<string>> AddressesAsync(string device, CancellationToken cancellationToken = default)
    {
        var command = HostCommand.Of("ip", "-j", "addr", "show", "dev", device);
        var result = await Shell.RunAsync(command, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return IsMissingDevice(result) ? [] : throw Failed(command, result);
        }

        var items = Parse(result.Output);
        return items.GetArrayLength() == 0 || !items[0].TryGetProperty("addr_info", out var info)
            ? []
            : [.. info.EnumerateArray().Select(a => $"{a.GetProperty("local").GetString()}/{a.GetProperty("prefixlen").GetInt32()}")];
    }

    /// <summary>Routes to exactly <paramref name="prefix"/> in <paramref name="table"/> (main when null).</summary>
    public async Task<IReadOnlyList<JsonElement>> RoutesAsync(string prefix, string? table, CancellationToken cancellationToken = default)
    {
        var command = HostCommand.Of(["ip", "-j", "route", "show", "exact", prefix, .. table is null ? Array.Empty<string>() : ["table", table]]);
        var result = await Shell.RunAsync(command, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            // A routing table nobody has used yet: "FIB table does not exist".
            return result.Error.Contains("does not exist", StringComparison.OrdinalIgnoreCase) ? [] : throw Failed(command, result);
        }

        return [.. Parse(result.Output).EnumerateArray().Select(e => e.Clone())];
    }

    /// <summary>Every policy routing rule (<c>ip -j rule show</c>).</summary>
    public async Task<IReadOnlyList<JsonElement>> RulesAsync(CancellationToken cancellationToken = default)
    {
        var command = HostCommand.Of("ip", "-j", "rule", "show");
        var result = await Shell.RunAsync(command, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? [.. Parse(result.Output).EnumerateArray().Select(e => e.Clone())] : throw Failed(command, result);
    }

    /// <summary>A sysctl's value with runs of whitespace made one space.</summary>
    public async Task<string> SysctlAsync(string key, CancellationToken cancellationToken = default)
    {
        var command = HostCommand.Of("sysctl", "-n", key);
        var result = await Shell.RunAsync(command, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? Sysctl.Normalize(result.Output) : throw Failed(command, result);
    }

    internal HostCommandException Failed(HostCommand command, HostCommandResult result) => new(command, Shell.Describe(), result.Reason);

    private static bool IsMissingDevice(HostCommandResult result) =>
        result.Error.Contains("does not exist", StringComparison.OrdinalIgnoreCase) || result.Error.Contains("Cannot find device", StringComparison.OrdinalIgnoreCase);

    private static JsonElement Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.Length == 0 ? "[]" : json);
            return document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.Clone() : throw new JsonException("not an array");
        }
        catch (JsonException ex)
        {
            throw new HostStateException($"unreadable iproute2 output: {ex.Message}", ex);
        }
    }
}

using System.Globalization;
using NetControl.Drivers.Host.Shell;

namespace NetControl.Drivers.Host.Steps;

/// <summary>
/// Policy routing: traffic from <paramref name="From"/> (an address or prefix) looks up table <paramref name="Table"/>,
/// at rule priority <paramref name="Priority"/> - how a transfer's source address is sent over the lightpath while
/// everything else keeps the default route. A priority taken by another rule is refused, never overwritten.
/// </summary>
public sealed record PolicyRule(string From, string Table, int Priority) : IHostStep
{
    public string Describe() => $"rule from {From} table {Table} priority {Priority}";

    public async Task<StepPlan> PlanAsync(HostReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rules = await reader.RulesAsync(cancellationToken).ConfigureAwait(false);
        var taken = rules.Where(r => r.TryGetProperty("priority", out var p) && p.GetInt32() == Priority).ToList();
        string priority = Priority.ToString(CultureInfo.InvariantCulture);
        if (taken.Count == 0)
        {
            return StepPlan.Change(
                "absent",
                [HostCommand.Of("ip", "rule", "add", "from", From, "table", Table, "priority", priority)],
                [HostCommand.Of("ip", "rule", "del", "priority", priority)]);
        }

        bool same = taken.Count == 1
            && taken[0].TryGetProperty("src", out var src) && Prefix(src.GetString(), taken[0]) == Normalize(From)
            && taken[0].TryGetProperty("table", out var table) && table.GetString() == Table;
        return same ? StepPlan.Holds("present") : throw new HostStateException($"{reader.Shell.Describe()}: rule priority {Priority} is taken by another rule; not touching it");
    }

    private static string Prefix(string? src, System.Text.Json.JsonElement rule) =>
        rule.TryGetProperty("srclen", out var len) ? $"{src}/{len.GetInt32()}" : Normalize(src ?? string.Empty);

    private static string Normalize(string address) => address.Contains('/', StringComparison.Ordinal) ? address : $"{address}/32";
}

using System.Text.Json;
using NetControl.Drivers.Host.Shell;

namespace NetControl.Drivers.Host.Steps;

/// <summary>
/// A route to <paramref name="Prefix"/> (<c>a.b.c.d/len</c>) out of <paramref name="Device"/>, through
/// <paramref name="Via"/> when given, in routing table <paramref name="Table"/> (main when null). A route to the same
/// prefix already there is replaced and put back on undo.
/// </summary>
public sealed record Route(string Prefix, string Device, string? Via = null, string? Table = null) : IHostStep
{
    public string Describe() => $"route {Prefix}{(Via is null ? string.Empty : $" via {Via}")} dev {Device}{(Table is null ? string.Empty : $" table {Table}")}";

    public async Task<StepPlan> PlanAsync(HostReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var routes = await reader.RoutesAsync(Prefix, Table, cancellationToken).ConfigureAwait(false);
        if (routes.Any(Matches))
        {
            return StepPlan.Holds("present");
        }

        var apply = Command("replace", Via, Device);
        if (routes.Count == 0)
        {
            return StepPlan.Change("absent", [apply], [Command("del", null, null)]);
        }

        var old = routes[0];
        string? oldVia = old.TryGetProperty("gateway", out var g) ? g.GetString() : null;
        string? oldDevice = old.TryGetProperty("dev", out var d) ? d.GetString() : null;
        return StepPlan.Change($"via {oldVia ?? "-"} dev {oldDevice ?? "-"}", [apply], [Command("replace", oldVia, oldDevice)]);
    }

    private bool Matches(JsonElement route) =>
        route.TryGetProperty("dev", out var dev) && dev.GetString() == Device
        && (route.TryGetProperty("gateway", out var gateway) ? gateway.GetString() : null) == Via;

    private HostCommand Command(string verb, string? via, string? device) => HostCommand.Of([
        "ip", "route", verb, Prefix,
        .. via is null ? Array.Empty<string>() : ["via", via],
        .. device is null ? Array.Empty<string>() : ["dev", device],
        .. Table is null ? Array.Empty<string>() : ["table", Table]]);
}

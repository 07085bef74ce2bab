using NetControl.Controller.Api.Dtos;
using NetControl.Controller.Api.Json;
using NetControl.Core.Devices;
using NetControl.Core.Lightpaths;

namespace NetControl.Cli.Tests.Faults;

/// <summary>
/// What the controller records (GET /api/v1/lightpaths) against what the switches hold and what clients were told:
/// every lightpath settled (active, released or failed); an active one has every cross-connect of its active leg on
/// the switches; released and failed ones have none, except that a lightpath whose restoration failed keeps its leg
/// until it is released (as <see cref="NetControl.Core.Lightpaths.LightpathState.Failed"/> documents); every
/// cross-connect on a switch belongs to a lightpath that holds it; no acknowledged lightpath or release is lost. Each
/// breach is one line.
/// </summary>
internal static class RecordedStateCheck
{
    private static readonly string RestorationFailed = EnumNames<LightpathTrigger>.Of(LightpathTrigger.RestorationFailed);
    private static readonly string FailedState = EnumNames<LightpathState>.Of(LightpathState.Failed);

    /// <summary>A failed lightpath that holds its leg: the last thing that happened to it is a failed restoration.</summary>
    public static bool FailedByRestoration(LightpathDto lightpath) =>
        lightpath.History.LastOrDefault(t => t.To == FailedState)?.Trigger == RestorationFailed && ControllerApi.State(lightpath) == LightpathState.Failed;

    public static List<string> Problems(IReadOnlyList<LightpathDto> recorded, IReadOnlySet<SwitchCrossConnect> devices, SwitchTruth truth, IEnumerable<ClientLightpath> clients)
    {
        List<string> problems = [];
        var carried = new HashSet<SwitchCrossConnect>();
        foreach (var lightpath in recorded)
        {
            var state = ControllerApi.State(lightpath);
            var steps = Steps(lightpath, truth);
            if (state is not (LightpathState.Active or LightpathState.Released or LightpathState.Failed))
            {
                problems.Add($"{lightpath.Id} is stuck in {lightpath.State}");
            }

            if (state == LightpathState.Active || FailedByRestoration(lightpath))
            {
                if (steps.Count == 0)
                {
                    problems.Add($"{lightpath.Id} is {lightpath.State} with no cross-connects recorded");
                }

                problems.AddRange(steps.Where(s => !devices.Contains(s)).Select(s => $"{lightpath.Id} is {lightpath.State} but {s} is not on the switch"));
                carried.UnionWith(steps);
            }
        }

        foreach (var orphan in devices.Where(d => !carried.Contains(d)))
        {
            var owners = recorded.Where(l => Steps(l, truth).Contains(orphan)).Select(l => $"{l.Id} ({l.State})").ToList();
            problems.Add($"orphan cross-connect {orphan}: {(owners.Count == 0 ? "no lightpath records it" : $"recorded by {string.Join(", ", owners)} only")}");
        }

        var byId = recorded.ToDictionary(l => l.Id, StringComparer.Ordinal);
        foreach (var client in clients.Where(c => c.Id is not null))
        {
            if (!byId.TryGetValue(client.Id!, out var lightpath))
            {
                problems.Add($"lost lightpath {client.Id}: the controller acknowledged it but no longer records it");
                continue;
            }

            var state = ControllerApi.State(lightpath);
            if (client.ReleaseAccepted && state != LightpathState.Released)
            {
                problems.Add($"lost release of {client.Id}: DELETE was acknowledged, but it is {lightpath.State}");
            }
            else if (client.SawActive && client.Phase == ClientPhase.Active && state != LightpathState.Active)
            {
                problems.Add($"lost lightpath {client.Id}: it was active and never released, but it is {lightpath.State} ({lightpath.FailureCause})");
            }
        }

        return problems;
    }

    /// <summary>The cross-connects of a lightpath's active leg, in the form the switches report them.</summary>
    public static HashSet<SwitchCrossConnect> Steps(LightpathDto lightpath, SwitchTruth truth)
    {
        var leg = lightpath.ActiveLeg == "protection" ? lightpath.ProtectionLeg : lightpath.Working;
        return [.. (leg?.CrossConnects ?? []).Select(c => truth.Canonical(c.Device, new CrossConnect(c.From, c.To, c.Duplex)))];
    }
}

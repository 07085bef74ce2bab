using NetControl.Core.Lightpaths;

namespace NetControl.Core.Tests.Lightpaths;

/// <summary>
/// The transition table as documented in src/NetControl.Core/Lightpaths/README.md, written out independently of
/// the production table, plus how to reach each state from Requested.
/// </summary>
internal static class ExpectedLightpathTable
{
    private const string Documented = """
        Requested    Admitted>Provisioning AdmittedForLater>Scheduled Rejected>Failed ReleaseRequested>Releasing EndTimeReached>Releasing LeaseExpired>Releasing
        Scheduled    StartTimeReached>Provisioning ReleaseRequested>Releasing EndTimeReached>Releasing LeaseExpired>Releasing
        Provisioning ProvisioningSucceeded>Active ProvisioningFailed>Failed ReleaseRequested>Releasing EndTimeReached>Releasing LeaseExpired>Releasing
        Active       LinkFailed>Restoring RerouteRequested>Restoring ReleaseRequested>Releasing EndTimeReached>Releasing LeaseExpired>Releasing
        Restoring    LinkFailed>Restoring RestorationSucceeded>Active RestorationFailed>Failed RerouteAbandoned>Active ReleaseRequested>Releasing EndTimeReached>Releasing LeaseExpired>Releasing
        Failed       ReleaseRequested>Releasing EndTimeReached>Releasing LeaseExpired>Releasing
        Releasing    ReleaseCompleted>Released
        Released
        """;

    /// <summary>(state, trigger) → target for every valid pair; any other pair is invalid.</summary>
    public static readonly IReadOnlyDictionary<(LightpathState, LightpathTrigger), LightpathState> Valid = Parse();

    /// <summary>The states the documentation lists as rows.</summary>
    public static readonly IReadOnlySet<LightpathState> DocumentedStates = Documented
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(line => Enum.Parse<LightpathState>(line.Split(' ')[0]))
        .ToHashSet();

    /// <summary>A shortest trigger sequence from Requested to each state.</summary>
    public static IReadOnlyList<LightpathTrigger> PathTo(LightpathState state) => state switch
    {
        LightpathState.Requested => [],
        LightpathState.Scheduled => [LightpathTrigger.AdmittedForLater],
        LightpathState.Provisioning => [LightpathTrigger.Admitted],
        LightpathState.Active => [LightpathTrigger.Admitted, LightpathTrigger.ProvisioningSucceeded],
        LightpathState.Restoring => [LightpathTrigger.Admitted, LightpathTrigger.ProvisioningSucceeded, LightpathTrigger.LinkFailed],
        LightpathState.Failed => [LightpathTrigger.Rejected],
        LightpathState.Releasing => [LightpathTrigger.ReleaseRequested],
        LightpathState.Released => [LightpathTrigger.ReleaseRequested, LightpathTrigger.ReleaseCompleted],
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "no documented path"),
    };

    private static Dictionary<(LightpathState, LightpathTrigger), LightpathState> Parse()
    {
        var valid = new Dictionary<(LightpathState, LightpathTrigger), LightpathState>();
        foreach (var line in Documented.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var from = Enum.Parse<LightpathState>(words[0]);
            foreach (var cell in words.Skip(1))
            {
                var parts = cell.Split('>');
                valid.Add((from, Enum.Parse<LightpathTrigger>(parts[0])), Enum.Parse<LightpathState>(parts[1]));
            }
        }

        return valid;
    }
}

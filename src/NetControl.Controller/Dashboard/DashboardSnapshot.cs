using NetControl.Controller.Api.Dtos;

namespace NetControl.Controller.Dashboard;

/// <summary>
/// What a client gets when it subscribes: the network and the reflector overlay to draw, then the current link
/// states, qualities, measured utilisations, circuits, tree and recent events (filtered like the deltas that follow).
/// </summary>
public sealed record DashboardSnapshot(
    double ServerTime,
    double FlushIntervalMs,
    bool FaultInjection,
    TopologyDto Topology,
    TopologyDto? Overlay,
    IReadOnlyList<LinkStatePayload> LinkStates,
    IReadOnlyList<QualityPayload> Qualities,
    IReadOnlyList<LinkUtilisationDto> Utilisations,
    IReadOnlyList<LightpathDto> Circuits,
    OverlayDto? Tree,
    IReadOnlyList<EventPayload> Events);

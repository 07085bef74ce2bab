namespace NetControl.Controller.Api.Dtos;

/// <summary>
/// A lightpath as the API shows it. <see cref="Protection"/> is the protection class (<c>none</c>, <c>restorable</c>,
/// <c>1+1</c>); the 1+1 protection leg is <see cref="ProtectionLeg"/> (the contract's second "protection" key would
/// have collided with it).
/// </summary>
public sealed record LightpathDto(
    string Id,
    string Owner,
    string State,
    string From,
    string To,
    string Protection,
    string? Bandwidth,
    string? Description,
    DateTimeOffset CreatedAt,
    DateTimeOffset WindowStart,
    DateTimeOffset? WindowEnd,
    DateTimeOffset? LeaseExpiresAt,
    string ActiveLeg,
    RouteDto? Working,
    RouteDto? ProtectionLeg,
    string? FailureCause,
    IReadOnlyList<TransitionDto> History)
{
    /// <summary>Whether the end hosts are configured through their agents.</summary>
    public bool ConfigureHosts { get; init; }
}

using NetControl.Core.Topology;

namespace NetControl.Formats.Sndlib;

/// <summary>A LINKS entry: <c>id ( src dst ) preCap preCapCost routingCost setupCost ( {moduleCap moduleCost}* )</c>.</summary>
internal sealed record SndlibLink(
    string Id,
    string Source,
    string Target,
    SndlibNumber PreInstalledCapacity,
    SndlibNumber PreInstalledCapacityCost,
    SndlibNumber RoutingCost,
    SndlibNumber SetupCost,
    IReadOnlyList<SndlibModule> Modules,
    SourceLocation At);

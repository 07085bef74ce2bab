namespace NetControl.Cli.Json;

/// <summary>Output of <c>netctl topology show --json</c>: the whole model.</summary>
public sealed record TopologyJson(
    string Name,
    string? Description,
    string? Attribution,
    string? Format,
    IReadOnlyList<NodeJson> Nodes,
    IReadOnlyList<LinkJson> Links,
    IReadOnlyList<SrlgJson> Srlgs,
    IReadOnlyList<DemandJson> Demands);

public sealed record NodeJson(
    string Id,
    string Kind,
    string? Label,
    double? Lat,
    double? Lon,
    string? Site,
    string? Vendor,
    bool External,
    IReadOnlyList<PortJson> Ports,
    IReadOnlyList<string> Srlgs,
    IReadOnlyDictionary<string, string> Attributes);

public sealed record PortJson(string Name, string Direction, string? Pair, string Admin);

public sealed record EndpointJson(string Node, string? Port);

public sealed record LinkJson(
    string Id,
    EndpointJson A,
    EndpointJson B,
    double? LengthKm,
    double? LatencyMs,
    bool LatencyDerived,
    double? CapacityBps,
    IReadOnlyList<string> Srlgs,
    string Admin,
    string? Label,
    IReadOnlyDictionary<string, string> Attributes);

public sealed record SrlgJson(string Id, string? Description, IReadOnlyList<string> Links);

public sealed record DemandJson(string Id, string Source, string Target, double Value, int? MaxPathLength);

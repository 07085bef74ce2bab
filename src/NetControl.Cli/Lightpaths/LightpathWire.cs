using System.Text.Json.Serialization;

namespace NetControl.Cli.Lightpaths;

/// <summary>A lightpath as the controller's REST API returns it (unknown fields are ignored).</summary>
public sealed record LightpathView(
    string Id,
    string? Owner,
    string State,
    string From,
    string To,
    string? Protection,
    string? Bandwidth,
    string? Description,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? WindowStart,
    DateTimeOffset? WindowEnd,
    DateTimeOffset? LeaseExpiresAt,
    string? ActiveLeg,
    RouteView? Working,
    RouteView? ProtectionLeg,
    string? FailureCause,
    IReadOnlyList<TransitionView>? History);

public sealed record RouteView(IReadOnlyList<string> Nodes, IReadOnlyList<string>? Links, double LatencyMs, double LengthKm, IReadOnlyList<CrossConnectView>? CrossConnects);

public sealed record CrossConnectView(string Device, string From, string To, bool Duplex);

public sealed record TransitionView(string From, string To, string? Trigger, DateTimeOffset At, string? Cause);

public sealed record LightpathList(IReadOnlyList<LightpathView> Items);

/// <summary>RFC 7807 problem details.</summary>
public sealed record ProblemView(string? Type, string? Title, int? Status, string? Detail);

/// <summary>Body of POST /api/v1/lightpaths (nulls omitted).</summary>
public sealed record LightpathRequest
{
    public required string From { get; init; }

    public required string To { get; init; }

    public string? Bandwidth { get; init; }

    public string? Protection { get; init; }

    public string? Start { get; init; }

    public string? End { get; init; }

    public double? LeaseSeconds { get; init; }

    public string? Description { get; init; }

    public LightpathConstraints? Constraints { get; init; }
}

public sealed record LightpathConstraints(IReadOnlyList<string>? Exclude, double? MaxLatencyMs);

/// <summary>Source-generated JSON for the controller wire format.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(LightpathView))]
[JsonSerializable(typeof(LightpathList))]
[JsonSerializable(typeof(ProblemView))]
[JsonSerializable(typeof(LightpathRequest))]
internal sealed partial class LightpathJsonContext : JsonSerializerContext;

/// <summary>The same shapes on one line each (watch --json).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LightpathView))]
internal sealed partial class LightpathJsonLineContext : JsonSerializerContext;

using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace NetControl.Controller.Dashboard;

/// <summary>
/// One change sent to dashboard clients. Updates with a <see cref="Key"/> (a link's state, a link's quality, a
/// link's measured utilisation, a circuit, the tree) are coalesced per client, the latest wins; log events (no key) are kept in order, bounded.
/// <see cref="IngestedAt"/> is when the controller took the change in (Unix milliseconds), so a client can measure
/// the delay to it.
/// </summary>
public sealed record DashboardUpdate(string Kind, string? Key, double IngestedAt, object Data)
{
    /// <summary>Links the update is about (for link filters); empty when about none.</summary>
    [JsonIgnore]
    public ImmutableArray<string> Links { get; init; } = [];

    /// <summary>Sites the update is about (for site filters); empty when about none.</summary>
    [JsonIgnore]
    public ImmutableArray<string> Sites { get; init; } = [];
}

/// <summary>The kinds of <see cref="DashboardUpdate"/>.</summary>
public static class UpdateKinds
{
    public const string LinkState = "link";
    public const string Quality = "quality";
    public const string Utilisation = "utilisation";
    public const string Circuit = "circuit";
    public const string Tree = "tree";
    public const string Event = "event";

    public static readonly ImmutableArray<string> All = [LinkState, Quality, Utilisation, Circuit, Tree, Event];
}

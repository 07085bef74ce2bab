using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetControl.Controller.Api.Dtos;
using NetControl.Controller.Api.Json;
using NetControl.Controller.Api.Problems;
using NetControl.Controller.Telemetry;
using NetControl.Core.Telemetry;
using NetControl.Orchestration.Lightpaths;

namespace NetControl.Controller.Api.Endpoints;

/// <summary>Probe telemetry: link quality, a link's history and roll-ups, probe agents, the reflector overlay (viewer).</summary>
internal static class TelemetryEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/telemetry/links", (TelemetryAccess t) => new ItemsDto<LinkQualityDto>([.. t.Pipeline.Links.All().Select(q => q.ToDto())]))
            .WithTags("telemetry").Produces<ItemsDto<LinkQualityDto>>().WithSummary("Latest probe quality of every probed link");
        api.MapGet("/telemetry/links/{id}", Latest).WithTags("telemetry").Produces<LinkQualityDto>()
            .WithSummary("Latest probe quality of one link");
        api.MapGet("/telemetry/links/{id}/history", History).WithTags("telemetry").Produces<ItemsDto<LinkSampleDto>>()
            .WithSummary("Recent probe intervals of a link, oldest first (since=ISO 8601 time to filter)");
        api.MapGet("/telemetry/links/{id}/rollups", RollupsAsync).WithTags("telemetry").Produces<ItemsDto<RollupDto>>()
            .WithSummary("Minute or hour roll-ups of a link (resolution=minute|hour, from, to: ISO 8601; default the last day)");
        api.MapGet("/telemetry/agents", (TelemetryAccess t) => new ItemsDto<AgentDto>([.. t.Pipeline.Presence.Snapshot().Select(a => a.ToDto())]))
            .WithTags("telemetry").Produces<ItemsDto<AgentDto>>().WithSummary("Probe agents and whether they are up");
        api.MapGet("/overlay", (TelemetryAccess t) => t.Overlay.Current.ToDto())
            .WithTags("telemetry").Produces<OverlayDto>().WithSummary("The installed reflector overlay tree");
        api.MapGet("/overlay/changes", (TelemetryAccess t) => new ItemsDto<OverlayChangeDto>([.. t.Overlay.RecentChanges.Select(c => c.ToDto())]))
            .WithTags("telemetry").Produces<ItemsDto<OverlayChangeDto>>().WithSummary("Recent moves of the overlay to another tree (links added and removed, cause), oldest first");
    }

    private static LinkQualityDto Latest(string id, TelemetryAccess t) =>
        (t.Pipeline.Links.Latest(id) ?? throw new LightpathException(LightpathErrorKind.NotFound, $"no probe has reported on link '{id}'")).ToDto();

    private static ItemsDto<LinkSampleDto> History(string id, string? since, TelemetryAccess t) =>
        new([.. t.Pipeline.Links.History(id, since is null ? null : Time(since, "since")).Select(s => s.ToDto())]);

    private static async Task<ItemsDto<RollupDto>> RollupsAsync(string id, string? resolution, string? from, string? to, TelemetryAccess t, TimeProvider time, HttpContext context)
    {
        var store = t.Pipeline.Rollups ?? throw new LightpathException(LightpathErrorKind.NotFound, "roll-ups are not kept on this controller (no telemetry database configured)");
        var kind = resolution?.ToLowerInvariant() switch
        {
            null or "minute" => RollupResolution.Minute,
            "hour" => RollupResolution.Hour,
            _ => throw new ApiRequestException($"resolution: expected 'minute' or 'hour', got '{resolution}'"),
        };
        var end = to is null ? time.GetUtcNow() : Time(to, "to");
        var start = from is null ? end.AddDays(-1) : Time(from, "from");
        if (end <= start)
        {
            throw new ApiRequestException($"to ({end:O}) must be after from ({start:O})");
        }

        var rows = await store.ReadAsync(id, kind, start, end, context.RequestAborted).ConfigureAwait(false);
        return new([.. rows.Select(r => r.ToDto())]);
    }

    private static DateTimeOffset Time(string text, string name) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new ApiRequestException($"{name}: '{text}' is not an ISO 8601 time");
}

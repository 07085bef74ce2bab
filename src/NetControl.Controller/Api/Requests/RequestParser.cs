using System.Collections.Immutable;
using System.Globalization;
using NetControl.Controller.Api.Json;
using NetControl.Controller.Api.Problems;
using NetControl.Core.Units;
using NetControl.Orchestration.Lightpaths;

namespace NetControl.Controller.Api.Requests;

/// <summary>Request bodies to service requests; each refusal names the field and why, in one line.</summary>
internal static class RequestParser
{
    public static LightpathRequest ToRequest(LightpathRequestBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var protection = Protection.Restorable;
        if (body.Protection is not null && !WireNames.TryParseProtection(body.Protection, out protection))
        {
            throw new ApiRequestException($"field 'protection': '{body.Protection}' is not one of {WireNames.ProtectionValues}");
        }

        var revert = RevertPolicy.Stay;
        if (body.Revert is not null && !WireNames.TryParseRevert(body.Revert, out revert))
        {
            throw new ApiRequestException($"field 'revert': '{body.Revert}' is not one of stay, revert");
        }

        TimeSpan? lease = null;
        if (body.LeaseSeconds is double seconds)
        {
            if (!double.IsFinite(seconds) || seconds <= 0 || seconds > TimeSpan.FromDays(365).TotalSeconds)
            {
                throw new ApiRequestException($"field 'leaseSeconds': {seconds.ToString(CultureInfo.InvariantCulture)} is not a positive number of seconds up to a year");
            }

            lease = TimeSpan.FromSeconds(seconds);
        }

        var constraints = body.Constraints ?? new ConstraintsBody();
        return new LightpathRequest
        {
            From = Required(body.From, "from"),
            To = Required(body.To, "to"),
            Bandwidth = Rate(body.Bandwidth),
            Protection = protection,
            Start = Time(body.Start, "start"),
            End = Time(body.End, "end"),
            Lease = lease,
            Revert = revert,
            Description = body.Description,
            ConfigureHosts = body.ConfigureHosts ?? false,
            Exclude = Ids(constraints.Exclude, "constraints.exclude"),
            Via = Ids(constraints.Via, "constraints.via"),
            MaxLatencyMs = MaxLatency(constraints.MaxLatencyMs),
        };
    }

    public static WhatIfRequest ToRequest(WhatIfBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var constraints = body.Constraints ?? new ConstraintsBody();
        if (constraints.Via is { Count: > 0 })
        {
            throw new ApiRequestException("field 'constraints.via': what-if does not take route hints");
        }

        return new WhatIfRequest
        {
            From = Required(body.From, "from"),
            To = Required(body.To, "to"),
            Bandwidth = Rate(body.Bandwidth),
            Start = Time(body.Start, "start"),
            End = Time(body.End, "end"),
            Exclude = Ids(constraints.Exclude, "constraints.exclude"),
            MaxLatencyMs = MaxLatency(constraints.MaxLatencyMs),
        };
    }

    public static DateTimeOffset? Time(string? text, string field)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var time)
            && text.Contains('T', StringComparison.OrdinalIgnoreCase))
        {
            return time.ToUniversalTime();
        }

        throw new ApiRequestException($"field '{field}': '{text}' is not an ISO-8601 time (for example 2026-11-23T15:00:00Z)");
    }

    public static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new ApiRequestException($"field '{field}' is required") : value.Trim();

    private static DataRate? Rate(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return DataRate.TryParse(text, out var rate, out string error) ? rate : throw new ApiRequestException($"field 'bandwidth': {error}");
    }

    private static double? MaxLatency(double? value) => value switch
    {
        null => null,
        double v when double.IsFinite(v) && v > 0 => v,
        double v => throw new ApiRequestException($"field 'constraints.maxLatencyMs': {v.ToString(CultureInfo.InvariantCulture)} is not a positive number of milliseconds"),
    };

    private static ImmutableArray<string> Ids(IReadOnlyList<string>? ids, string field)
    {
        if (ids is null)
        {
            return [];
        }

        for (int i = 0; i < ids.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(ids[i]))
            {
                throw new ApiRequestException($"field '{field}[{i}]' is empty");
            }
        }

        return [.. ids.Select(s => s.Trim())];
    }
}

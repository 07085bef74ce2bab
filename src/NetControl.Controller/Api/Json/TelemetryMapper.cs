using NetControl.Controller.Api.Dtos;
using NetControl.Core.Telemetry;
using NetControl.Messaging.Ingest;
using NetControl.Orchestration.Overlay;

namespace NetControl.Controller.Api.Json;

/// <summary>Telemetry values to their wire form (infinite costs as null: JSON has no infinity).</summary>
internal static class TelemetryMapper
{
    public static LinkQualityDto ToDto(this LinkQuality q) =>
        new(q.LinkId, q.At, q.Quality, q.RttMedianMs, q.JitterMs, q.LossRatio, q.AvailableMbpsLow, q.AvailableMbpsHigh, WireNames.Of(q.Condition), q.Source);

    public static LinkSampleDto ToDto(this LinkSample s) =>
        new(s.IntervalStart, s.Interval.TotalMilliseconds, s.Source, s.Sent, s.Lost, s.LossRatio, s.RttMedianMs, s.JitterMs, s.AvailableMbpsLow, s.AvailableMbpsHigh);

    public static RollupDto ToDto(this TelemetryRollup r) =>
        new(r.BucketStart, r.Resolution == RollupResolution.Minute ? "minute" : "hour", r.Samples, r.Sent, r.Lost, r.LossRatio, r.RttMinMs, r.RttAvgMs, r.RttMaxMs, r.JitterAvgMs, r.AvailableMbpsAvg);

    public static OverlayDto ToDto(this OverlayTree tree) =>
        new(tree.Version, tree.InstalledAt, tree.Reflectors, Finite(tree.Cost), tree.Reason, [.. tree.Edges.Select(ToDto)]);

    public static OverlayChangeDto ToDto(this OverlayTreeChanged change) =>
        new(change.Current.Version, change.Current.InstalledAt, Finite(change.Current.Cost), [.. change.Added.Select(ToDto)], [.. change.Removed.Select(ToDto)], change.Cause);

    private static OverlayEdgeDto ToDto(OverlayEdge e) => new(e.A, e.B, e.LinkId, Finite(e.Cost));

    public static AgentDto ToDto(this AgentPresence p) => new(p.AgentId, p.IsUp, p.Reason.ToString(), p.Since, p.LastSeen);

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}

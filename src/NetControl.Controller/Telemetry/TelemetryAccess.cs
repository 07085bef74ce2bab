using NetControl.Orchestration.Lightpaths;
using NetControl.Orchestration.Overlay;

namespace NetControl.Controller.Telemetry;

/// <summary>The telemetry pipeline for API handlers; asking for a part that is not configured is a 404 problem that says so.</summary>
internal sealed class TelemetryAccess(TelemetryPipeline? pipeline)
{
    public TelemetryPipeline Pipeline => pipeline ?? throw new LightpathException(LightpathErrorKind.NotFound, "telemetry is not enabled on this controller (no probe agents or broker configured)");

    public ReflectorOverlay Overlay => Pipeline.Overlay ?? throw new LightpathException(LightpathErrorKind.NotFound, "no reflector overlay is configured on this controller");
}

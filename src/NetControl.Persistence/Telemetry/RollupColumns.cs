using NetControl.Core.Telemetry;

namespace NetControl.Persistence.Telemetry;

/// <summary>How roll-up values are spelled in columns: resolutions as lower-case words.</summary>
internal static class RollupColumns
{
    public static string Resolution(RollupResolution resolution) => resolution switch
    {
        RollupResolution.Minute => "minute",
        RollupResolution.Hour => "hour",
        _ => throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "unknown roll-up resolution"),
    };
}

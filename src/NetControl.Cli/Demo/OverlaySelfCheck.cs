using System.Diagnostics;
using NetControl.Cli.Json;
using NetControl.Cli.Output;
using NetControl.Controller.Telemetry;

namespace NetControl.Cli.Demo;

/// <summary>
/// The overlay half of the demo self-check: waits until the probes have measured every emulated reflector link, cuts
/// a link of the installed tree, and times the overlay's move off it; the link is repaired afterwards.
/// </summary>
internal static class OverlaySelfCheck
{
    public static async Task<DemoOverlayCheckJson> RunAsync(TelemetryPipeline telemetry, ReflectorMesh mesh, TimeSpan reporting, CliConsole? progress, CancellationToken cancellationToken)
    {
        var overlay = telemetry.Overlay!;
        int links = mesh.Links.Links.Length;
        var clock = Stopwatch.StartNew();
        int measured = 0;
        string? cut = null;
        long before = overlay.Current.Version;
        try
        {
            // Every link of the installed tree measured (the tree changes as measurements come in): then a cut of one of
            // them is something the probes can see. Under load some of the 276 links take longer; they are counted.
            while (overlay.Current.Edges.Any(e => !Measured(telemetry, e.LinkId)))
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(120))
                {
                    measured = CountMeasured(telemetry, mesh);
                    return Result($"after 120 s the probes had measured {measured} of {links} reflector links, not yet every link of the tree");
                }

                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }

            measured = CountMeasured(telemetry, mesh);
            double measuredMs = clock.Elapsed.TotalMilliseconds;
            progress?.Out.WriteLine($"probes measured every link of the tree ({measured} of {links} reflector links) in {measuredMs:0} ms; overlay tree v{overlay.Current.Version}, cost {overlay.Current.Cost:0.#}");
            var tree = overlay.Current;
            before = tree.Version;
            cut = tree.Edges.MaxBy(e => e.Cost)!.LinkId;
            clock.Restart();
            mesh.Links.Cut(cut);
            progress?.Out.WriteLine($"cut emulated reflector link {cut}");
            while (overlay.Current.Edges.Any(e => e.LinkId == cut))
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(60))
                {
                    return Result($"the overlay still used {cut} 60 s after it was cut", measuredMs);
                }

                await Task.Delay(20, cancellationToken).ConfigureAwait(false);
            }

            double movedMs = clock.Elapsed.TotalMilliseconds;
            var now = overlay.Current;
            progress?.Out.WriteLine($"overlay moved off {cut} after {movedMs:0} ms (summaries every {reporting.TotalMilliseconds:0} ms): tree v{now.Version}, cost {now.Cost:0.#}");
            return new DemoOverlayCheckJson(overlay.Reflectors.Length, links, measured, Math.Round(measuredMs, 1), reporting.TotalMilliseconds, cut, true, Math.Round(movedMs, 1), before, now.Version, now.Reason, null);
        }
        finally
        {
            if (cut is not null)
            {
                mesh.Links.Repair(cut);
            }
        }

        DemoOverlayCheckJson Result(string error, double measuredMs = 0) =>
            new(overlay.Reflectors.Length, links, measured, Math.Round(measuredMs, 1), reporting.TotalMilliseconds, cut, false, null, before, overlay.Current.Version, overlay.Current.Reason, error);
    }

    private static int CountMeasured(TelemetryPipeline telemetry, ReflectorMesh mesh) => mesh.Links.Links.Count(l => Measured(telemetry, l.Id));

    /// <summary>Some probe has crossed the link (an RTT in any summary so far).</summary>
    private static bool Measured(TelemetryPipeline telemetry, string link) =>
        telemetry.Links.Latest(link) is { RttMedianMs: not null } || telemetry.Links.History(link).Any(s => s.RttMedianMs is not null);
}

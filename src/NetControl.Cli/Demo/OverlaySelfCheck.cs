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
            while ((measured = CountMeasured(telemetry, mesh)) < links)
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(120))
                {
                    return Result($"after 120 s only {measured} of {links} reflector links were measured");
                }

                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }

            double measuredMs = clock.Elapsed.TotalMilliseconds;
            progress?.Out.WriteLine($"probes measured all {links} reflector links in {measuredMs:0} ms; overlay tree v{overlay.Current.Version}, cost {overlay.Current.Cost:0.#}");
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

    private static int CountMeasured(TelemetryPipeline telemetry, ReflectorMesh mesh) =>
        mesh.Links.Links.Count(l => telemetry.Links.Latest(l.Id) is { RttMedianMs: not null });
}

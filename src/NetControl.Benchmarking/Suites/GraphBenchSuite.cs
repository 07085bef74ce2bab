using NetControl.Benchmarking.Measurement;
using NetControl.Benchmarking.Reporting;
using NetControl.Benchmarking.Workloads;

namespace NetControl.Benchmarking.Suites;

/// <summary>
/// <c>netctl bench graph</c>: overlay trees on PlanetLab490 slice 1 and a 2,000-node random geometric mesh,
/// dynamic updates, and constrained and k-shortest paths on KDL, each beside QuikGraph in the same run.
/// </summary>
public static class GraphBenchSuite
{
    public const int GeometricNodes = 2000;

    public static BenchReport Run(string? dataDirectory, MeasureOptions options, Action<string>? progress = null)
    {
        string data = SharedData.Locate(dataDirectory);
        var timer = new Stopwatcher(options);
        var cases = new List<BenchCase>();
        progress?.Invoke("loading PlanetLab490 slice 1");
        var planetLab = MeshWorkload.PlanetLab(data);
        progress?.Invoke("loading KDL");
        var kdl = KdlWorkload.Load(data);

        progress?.Invoke("overlay trees on PlanetLab490");
        cases.AddRange(TreeBenchCases.Run(planetLab, timer, withTargets: true));
        progress?.Invoke($"overlay trees on a {GeometricNodes}-node random geometric mesh");
        cases.AddRange(TreeBenchCases.Run(MeshWorkload.RandomGeometric(GeometricNodes), timer, withTargets: false));
        progress?.Invoke("paths on KDL");
        cases.AddRange(PathBenchCases.Run(kdl, timer));
        return new BenchReport("graph", MachineInfo.Current(), cases);
    }
}

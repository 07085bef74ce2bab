using NetControl.Formats.Latency;
using NetControl.Graph.Trees;

namespace NetControl.Benchmarking.Workloads;

/// <summary>Full-mesh RTT inputs for overlay trees: PlanetLab490 slice 1 (measured) and a random geometric mesh.</summary>
public sealed class MeshWorkload
{
    private MeshWorkload(string name, WeightMatrix weights)
    {
        Name = name;
        Weights = weights;
    }

    public string Name { get; }

    public WeightMatrix Weights { get; }

    /// <summary>The 490 x 490 measured RTT matrix, slice 1.</summary>
    public static MeshWorkload PlanetLab(string? dataDirectory)
    {
        string path = Path.Combine(SharedData.Locate(dataDirectory), "latency", "planetlab490", "PlanetLabData_1");
        if (!File.Exists(path))
        {
            throw new BenchmarkSetupException($"{path}: no such file (the PlanetLab490 slice 1 RTT matrix)");
        }

        return new MeshWorkload("planetlab490-s1", WeightMatrix.FromLatency(LatencyMatrixFile.Load(path)));
    }

    /// <summary>
    /// <paramref name="count"/> points uniform in a square 100 ms across, every pair joined with its Euclidean
    /// distance as RTT: a random geometric full mesh, seeded so every run measures the same input.
    /// </summary>
    public static MeshWorkload RandomGeometric(int count, int seed = 2026)
    {
        var random = new Random(seed);
        var x = new double[count];
        var y = new double[count];
        for (int i = 0; i < count; i++)
        {
            x[i] = random.NextDouble() * 100;
            y[i] = random.NextDouble() * 100;
        }

        IEnumerable<WeightedEdge> Edges()
        {
            for (int i = 0; i < count; i++)
            {
                for (int j = i + 1; j < count; j++)
                {
                    yield return new WeightedEdge(i, j, Math.Sqrt(((x[i] - x[j]) * (x[i] - x[j])) + ((y[i] - y[j]) * (y[i] - y[j]))));
                }
            }
        }

        return new MeshWorkload($"geometric{count}", WeightMatrix.FromEdges(count, Edges()));
    }
}

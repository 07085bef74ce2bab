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

    /// <summary>
    /// A reproducible list of link-quality changes: alternately an edge of <paramref name="tree"/> made 10-60%
    /// worse or better, and a random pair outside it made 20-70% better (the changes that can alter a tree).
    /// </summary>
    public static List<(int I, int J, double Rtt)> Changes(WeightMatrix weights, SpanningTree tree, int count, int seed = 7)
    {
        var random = new Random(seed);
        var changes = new List<(int, int, double)>(count);
        while (changes.Count < count)
        {
            if (changes.Count % 2 == 0)
            {
                var e = tree.Edges[random.Next(tree.Edges.Length)];
                double factor = random.NextDouble() < 0.5 ? 1.1 + (random.NextDouble() * 0.5) : 0.5 + (random.NextDouble() * 0.4);
                changes.Add((e.U, e.V, weights[e.U, e.V] * factor));
                continue;
            }

            int i = random.Next(weights.Count);
            int j = random.Next(weights.Count);
            if (i != j && !tree.ContainsEdge(i, j))
            {
                changes.Add((i, j, weights[i, j] * (0.3 + (random.NextDouble() * 0.5))));
            }
        }

        return changes;
    }
}

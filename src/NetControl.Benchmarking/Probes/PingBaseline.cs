using System.Globalization;
using NetControl.Simulators.Network.Namespaces;

namespace NetControl.Benchmarking.Probes;

/// <summary>iputils <c>ping</c> run inside a namespace of a <see cref="NamespacePair"/>: every reply's RTT in ms.</summary>
public static class PingBaseline
{
    public const string PingPath = "/usr/bin/ping";

    public static async Task<IReadOnlyList<double>> RunAsync(NamespacePair pair, NamespaceSide from, System.Net.IPAddress to, int count, CancellationToken cancellationToken)
    {
        if (!File.Exists(PingPath))
        {
            throw new BenchmarkSetupException($"{PingPath} not found: install iputils-ping");
        }

        var result = await pair.RunAsync(
            from,
            PingPath,
            ["-n", "-c", count.ToString(CultureInfo.InvariantCulture), "-i", "0.01", to.ToString()],
            TimeSpan.FromSeconds(30 + (count * 0.02)),
            check: false,
            cancellationToken).ConfigureAwait(false);
        var times = new List<double>(count);
        foreach (var line in result.StandardOutput.Split('\n'))
        {
            int at = line.IndexOf("time=", StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var rest = line.AsSpan(at + 5);
            int space = rest.IndexOf(' ');
            if (double.TryParse(space < 0 ? rest : rest[..space], NumberStyles.Float, CultureInfo.InvariantCulture, out double ms))
            {
                times.Add(ms);
            }
        }

        return times.Count > 0
            ? times
            : throw new BenchmarkSetupException($"ping from {pair.NameOf(from)} to {to} printed no replies (exit {result.ExitCode}): {result.StandardError.Trim()}");
    }
}

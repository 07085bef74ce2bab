using NetControl.Tests.Shared;

namespace NetControl.Drivers.Snmp.Tests.Codec;

/// <summary>
/// Loads Golden/*.hex: '#' lines are comments (one starts "# command: "), the rest hex digits, whitespace
/// ignored. Names: "v2c-get.request", "v3-aes.response", ... (capture, then packet).
/// </summary>
internal static class GoldenPackets
{
    private static readonly Lazy<IReadOnlyList<GoldenPacket>> Packets = new(LoadAll);

    public static IReadOnlyList<GoldenPacket> All => Packets.Value;

    public static IEnumerable<GoldenPacket> V2c => All.Where(p => p.Name.StartsWith("v2c-", StringComparison.Ordinal));

    public static IEnumerable<GoldenPacket> V3 => All.Where(p => p.Name.StartsWith("v3-", StringComparison.Ordinal));

    /// <summary>A fresh copy of the packet's bytes, free to modify.</summary>
    public static byte[] Bytes(string name) => (byte[])Get(name).Bytes.Clone();

    public static GoldenPacket Get(string name) =>
        All.SingleOrDefault(p => p.Name == name) ?? throw new InvalidOperationException($"no golden packet {name} in {Directory()}");

    private static string Directory() =>
        Path.Combine(SharedDataPath.RepositoryRoot(), "tests", "NetControl.Drivers.Snmp.Tests", "Codec", "Golden");

    private static IReadOnlyList<GoldenPacket> LoadAll() =>
        System.IO.Directory.GetFiles(Directory(), "*.hex")
            .Order(StringComparer.Ordinal)
            .Select(Load)
            .ToList();

    private static GoldenPacket Load(string path)
    {
        string[] lines = File.ReadAllLines(path);
        string command = lines.FirstOrDefault(l => l.StartsWith("# command: ", StringComparison.Ordinal))?["# command: ".Length..]
            ?? throw new InvalidOperationException($"{path} has no '# command: ' line");
        string hex = string.Concat(lines.Where(l => !l.StartsWith('#')).SelectMany(l => l.Where(c => !char.IsWhiteSpace(c))));
        return new GoldenPacket(Path.GetFileNameWithoutExtension(path), Convert.FromHexString(hex), command);
    }
}

using NetControl.Formats.Configuration;

namespace NetControl.Agent.Configuration;

/// <summary>Reads <c>targets</c>: a list of reflectors with unique ids, each with optional probe overrides.</summary>
internal static class TargetSection
{
    private static readonly string[] Keys = ["id", "address", "link", "intervalMs", "packetSize", "reportingIntervalMs", "tmaxMs", "ssid", "kernelTimestamps", "bandwidthAddress"];

    public static IReadOnlyList<TargetConfig> ReadAll(ConfigMap root, ProbeSettings defaults)
    {
        var items = root.Sequence("targets");
        var targets = new List<TargetConfig>(items.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < items.Count; i++)
        {
            var map = ConfigMap.Open(root.Source, items[i], $"targets[{i}]", Keys);
            var target = Read(map, defaults);
            if (!seen.TryAdd(target.Id, i))
            {
                throw root.Source.Error(map.Required("id"), map.Child("id"), $"duplicate target id '{target.Id}' (also targets[{seen[target.Id]}])");
            }

            targets.Add(target);
        }

        return targets;
    }

    private static TargetConfig Read(ConfigMap map, ProbeSettings defaults)
    {
        string id = map.RequiredString("id");
        if (id.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw map.Source.Error(map.Required("id"), map.Child("id"), $"'{id}' must not contain whitespace or control characters");
        }

        map.Required("address");
        var address = Endpoints.Peer(map, "address")!;
        return new TargetConfig(id, address, map.OptionalString("link"), ProbeSection.Read(map, defaults), Endpoints.Peer(map, "bandwidthAddress"));
    }
}

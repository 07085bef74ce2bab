using NetControl.Formats.Configuration;
using YamlDotNet.RepresentationModel;

namespace NetControl.Agent.Configuration;

/// <summary>Reads <c>bandwidth</c>: receiver address, period, budget, rate range and the target ids to estimate towards.</summary>
internal static class BandwidthSection
{
    public static readonly string[] Keys = ["listen", "everyMs", "maxBytes", "minMbps", "maxMbps", "targets"];

    public static BandwidthConfig Read(ConfigMap map, IReadOnlyList<TargetConfig> targets)
    {
        var listen = map.Node("listen") is not null ? Endpoints.Listen(map, "listen") : null;
        var every = TimeSpan.FromMilliseconds(map.OptionalInt("everyMs", 1_000, 86_400_000) ?? 300_000);
        long maxBytes = map.OptionalInt("maxBytes", (int)BandwidthConfig.FleetBytes, 1_000_000_000) ?? 16_000_000;
        int min = map.OptionalInt("minMbps", 1, 400_000) ?? 1;
        int max = map.OptionalInt("maxMbps", 2, 400_000) ?? 1_000;
        if (max <= min)
        {
            throw map.Source.Error(map.Node("maxMbps") ?? map.Required("minMbps"), map.Child(map.Node("maxMbps") is null ? "minMbps" : "maxMbps"), $"the rate range is empty (minMbps {min}, maxMbps {max})");
        }

        var ids = new List<string>();
        var items = map.Sequence("targets");
        for (int i = 0; i < items.Count; i++)
        {
            string path = $"{map.Child("targets")}[{i}]";
            string id = items[i] is YamlScalarNode { Value: { Length: > 0 } v } ? v : throw map.Source.Error(items[i], path, "expected a target id");
            var target = targets.FirstOrDefault(t => t.Id == id) ?? throw map.Source.Error(items[i], path, $"no target '{id}' in targets");
            if (target.BandwidthAddress is null)
            {
                throw map.Source.Error(items[i], path, $"target '{id}' has no bandwidthAddress (the peer's bandwidth.listen)");
            }

            if (ids.Contains(id, StringComparer.Ordinal))
            {
                throw map.Source.Error(items[i], path, $"target '{id}' is listed twice");
            }

            ids.Add(id);
        }

        return new BandwidthConfig(listen, every, maxBytes, min, max, ids);
    }
}

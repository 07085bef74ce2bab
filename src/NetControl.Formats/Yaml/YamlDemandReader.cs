using NetControl.Core.Topology;
using YamlDotNet.RepresentationModel;

namespace NetControl.Formats.Yaml;

/// <summary>Reads one entry of <c>demands</c>.</summary>
internal static class YamlDemandReader
{
    public static Demand? Read(YamlContext context, YamlNode item, int number)
    {
        if (YamlMap.OpenEntry(context, item, "demand", number, YamlKeys.Demand) is not { } map)
        {
            return null;
        }

        string? id = map.String("id", required: true);
        string? from = map.String("from", required: true);
        string? to = map.String("to", required: true);
        double? value = map.Number("value", min: 0, required: true);
        int? maxHops = map.Integer("max-hops", min: 1);
        return id is null || from is null || to is null || value is null
            ? null
            : new Demand(id, from, to, value.Value) { MaxPathLength = maxHops };
    }
}

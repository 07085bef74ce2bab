using NetControl.Core.Topology;
using YamlDotNet.RepresentationModel;

namespace NetControl.Formats.Yaml;

/// <summary>Reads one entry of <c>srlgs</c>.</summary>
internal static class YamlSrlgReader
{
    public static Srlg? Read(YamlContext context, YamlNode item, int number)
    {
        if (YamlMap.OpenEntry(context, item, "SRLG", number, YamlKeys.Srlg) is not { } map)
        {
            return null;
        }

        string? id = map.String("id", required: true);
        string? description = map.String("description");
        return id is null ? null : new Srlg(id, description);
    }
}

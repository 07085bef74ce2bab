using System.Collections.Immutable;
using NetControl.Core.Topology;
using YamlDotNet.RepresentationModel;

namespace NetControl.Formats.Yaml;

/// <summary>Reads a node's <c>ports</c>: single ports (<c>name</c>, <c>direction</c>, <c>pair</c>, <c>admin</c>) and <c>range</c> entries.</summary>
internal static class YamlPortReader
{
    public static ImmutableArray<Port> Read(YamlContext context, YamlMap node)
    {
        var ports = ImmutableArray.CreateBuilder<Port>();
        var items = node.List("ports");
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is YamlMappingNode mapping && mapping.Children.Keys.Any(k => k is YamlScalarNode { Value: "range" }))
            {
                ReadRange(context, items[i], $"{node.Subject} port #{i + 1}", ports);
            }
            else
            {
                ReadPort(context, items[i], $"{node.Subject} port", i + 1, ports);
            }
        }

        return ports.ToImmutable();
    }

    private static void ReadPort(YamlContext context, YamlNode item, string kind, int number, ImmutableArray<Port>.Builder ports)
    {
        if (YamlMap.OpenEntry(context, item, kind, number, YamlKeys.Port, idKey: "name") is not { } map)
        {
            return;
        }

        string? name = map.String("name", required: true);
        var direction = map.Choice("direction", YamlChoices.Direction) ?? PortDirection.Bidirectional;
        string? pair = map.String("pair");
        var admin = map.Choice("admin", YamlChoices.Admin) ?? AdminState.Up;
        if (name is null)
        {
            return;
        }

        if (!context.TakePorts(1))
        {
            map.Error(item, $"more than the {InputLimits.MaxPortsPerTopology} ports a topology may hold");
            return;
        }

        ports.Add(new Port(name, direction, pair) { Admin = admin });
    }

    private static void ReadRange(YamlContext context, YamlNode item, string subject, ImmutableArray<Port>.Builder ports)
    {
        if (YamlMap.Open(context, item, subject, YamlKeys.PortRangeItem)?.Map("range", YamlKeys.PortRange, required: true) is not { } range)
        {
            return;
        }

        bool duplex = range.Has("bidirectional");
        bool input = range.Has("input");
        bool output = range.Has("output");
        if (duplex && (input || output))
        {
            range.Error(range.Node, "use either 'bidirectional' or 'input' with 'output', not both");
        }
        else if (duplex)
        {
            if (Expand(context, range, "bidirectional") is { } names)
            {
                ports.AddRange(names.Select(n => new Port(n)));
            }
        }
        else if (input && output)
        {
            var inputs = Expand(context, range, "input");
            var outputs = Expand(context, range, "output");
            if (inputs is null || outputs is null)
            {
                return;
            }

            if (inputs.Count != outputs.Count)
            {
                range.Error(range.Node, $"'input' has {inputs.Count} ports but 'output' has {outputs.Count}; they pair by position, so the counts must match");
                return;
            }

            for (int i = 0; i < inputs.Count; i++)
            {
                ports.Add(new Port(inputs[i], PortDirection.Input, outputs[i]));
                ports.Add(new Port(outputs[i], PortDirection.Output, inputs[i]));
            }
        }
        else
        {
            range.Error(range.Node, "expected 'bidirectional', or 'input' and 'output' (paired by position)");
        }
    }

    private static IReadOnlyList<string>? Expand(YamlContext context, YamlMap range, string key)
    {
        if (range.String(key, required: true) is not { } text)
        {
            return null;
        }

        var at = range.Get(key)!;
        if (!PortRange.TryExpand(text, InputLimits.MaxPortsPerRange, out var names, out string error))
        {
            range.Error(at, error);
            return null;
        }

        if (!context.TakePorts(names.Count))
        {
            range.Error(at, $"more than the {InputLimits.MaxPortsPerTopology} ports a topology may hold");
            return null;
        }

        return names;
    }
}

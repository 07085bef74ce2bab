using NetControl.Core.Topology;

namespace NetControl.Formats.Yaml;

/// <summary>The words the native YAML format accepts for enumerations.</summary>
internal static class YamlChoices
{
    public static readonly (string Name, AdminState Value)[] Admin = [("up", AdminState.Up), ("down", AdminState.Down)];

    public static readonly (string Name, PortDirection Value)[] Direction =
    [
        ("bidirectional", PortDirection.Bidirectional),
        ("input", PortDirection.Input),
        ("output", PortDirection.Output),
    ];

    public static readonly (string Name, NodeKind Value)[] Kind = [.. Enum.GetValues<NodeKind>().Select(k => (k.ToName(), k))];
}

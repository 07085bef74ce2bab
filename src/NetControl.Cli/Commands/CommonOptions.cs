using System.CommandLine;

namespace NetControl.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print JSON instead of text (shapes in the README)" };

    public static Argument<string> TopologyFile() => new("FILE") { Description = "Topology file: NetControl YAML, Topology Zoo GraphML or SNDlib native (detected)" };
}

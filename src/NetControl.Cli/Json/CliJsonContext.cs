using System.Text.Json.Serialization;

namespace NetControl.Cli.Json;

/// <summary>Source-generated JSON for every shape netctl prints: camelCase, indented, nulls kept.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(PathsJson))]
[JsonSerializable(typeof(DisjointPairJson))]
[JsonSerializable(typeof(ErrorJson))]
[JsonSerializable(typeof(TopologyJson))]
[JsonSerializable(typeof(ValidationJson))]
[JsonSerializable(typeof(DemoJson))]
[JsonSerializable(typeof(OverlayTreeJson))]
[JsonSerializable(typeof(Transfer.TransferReport))]
internal sealed partial class CliJsonContext : JsonSerializerContext;

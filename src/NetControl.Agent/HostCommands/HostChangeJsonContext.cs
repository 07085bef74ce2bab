using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetControl.Agent.HostCommands;

/// <summary>Source-generated JSON metadata for the stored change sets (camelCase, strict: unknown members and nulls refused).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    WriteIndented = true,
    MaxDepth = 16)]
[JsonSerializable(typeof(StoredChangeSet))]
internal sealed partial class HostChangeJsonContext : JsonSerializerContext;

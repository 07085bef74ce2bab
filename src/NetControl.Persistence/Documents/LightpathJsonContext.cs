using System.Text.Json;
using System.Text.Json.Serialization;
using NetControl.Orchestration.Lightpaths;

namespace NetControl.Persistence.Documents;

/// <summary>Source-generated JSON metadata for the stored lightpath document (camelCase, enums as names).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    Converters = [typeof(DataRateJsonConverter), typeof(Iso8601DurationJsonConverter)])]
[JsonSerializable(typeof(LightpathRecord))]
internal sealed partial class LightpathJsonContext : JsonSerializerContext;

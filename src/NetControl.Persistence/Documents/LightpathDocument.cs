using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using NetControl.Orchestration.Lightpaths;

namespace NetControl.Persistence.Documents;

/// <summary>
/// The JSON form of a whole <see cref="LightpathRecord"/>: what a store keeps as the source of truth. Computed
/// properties (<see cref="LightpathRecord.Active"/>, <see cref="CircuitRoute.EndSteps"/>...) are left out: only
/// what can be set is written, so a document read back equals the record written.
/// </summary>
public static class LightpathDocument
{
    private static readonly JsonTypeInfo<LightpathRecord> RecordInfo = CreateTypeInfo();

    public static string Serialize(LightpathRecord record) => JsonSerializer.Serialize(record, RecordInfo);

    /// <summary>Parses a document; throws <see cref="JsonException"/> (or <see cref="NotSupportedException"/>) when it is not one.</summary>
    public static LightpathRecord Deserialize(string json) =>
        JsonSerializer.Deserialize(json, RecordInfo) ?? throw new JsonException("the document is null");

    private static JsonTypeInfo<LightpathRecord> CreateTypeInfo()
    {
        var options = new JsonSerializerOptions(LightpathJsonContext.Default.Options)
        {
            TypeInfoResolver = LightpathJsonContext.Default.WithAddedModifier(OmitComputedProperties),
        };
        options.MakeReadOnly();
        return (JsonTypeInfo<LightpathRecord>)options.GetTypeInfo(typeof(LightpathRecord));
    }

    private static void OmitComputedProperties(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (int i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            var property = typeInfo.Properties[i];
            if (property.Set is null && property.AssociatedParameter is null)
            {
                typeInfo.Properties.RemoveAt(i);
            }
        }
    }
}

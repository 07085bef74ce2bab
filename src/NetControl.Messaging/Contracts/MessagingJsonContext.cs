using System.Text.Json.Serialization;

namespace NetControl.Messaging.Contracts;

/// <summary>Source-generated System.Text.Json metadata for every contract (camelCase, nulls omitted, no reflection).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    MaxDepth = 16)]
[JsonSerializable(typeof(ProbeSummary))]
[JsonSerializable(typeof(ProbeSummaryBatch))]
[JsonSerializable(typeof(AgentStatusMessage))]
[JsonSerializable(typeof(Commands.AgentCommand))]
[JsonSerializable(typeof(Commands.SignedCommand))]
[JsonSerializable(typeof(Commands.CommandResult))]
public sealed partial class MessagingJsonContext : JsonSerializerContext;

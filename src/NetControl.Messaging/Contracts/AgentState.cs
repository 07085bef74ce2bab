using System.Text.Json.Serialization;

namespace NetControl.Messaging.Contracts;

/// <summary>Agent status as carried by the retained status topic.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AgentState>))]
public enum AgentState
{
    [JsonStringEnumMemberName("offline")]
    Offline,

    [JsonStringEnumMemberName("online")]
    Online,
}

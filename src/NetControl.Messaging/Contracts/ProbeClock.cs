using System.Text.Json.Serialization;

namespace NetControl.Messaging.Contracts;

/// <summary>Where the probe's timestamps came from (decides how much to trust sub-millisecond figures).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProbeClock>))]
public enum ProbeClock
{
    /// <summary>Kernel socket timestamps (SO_TIMESTAMPING).</summary>
    [JsonStringEnumMemberName("kernel")]
    Kernel,

    /// <summary>Capture timestamps (pcap).</summary>
    [JsonStringEnumMemberName("pcap")]
    Pcap,

    /// <summary>User-space clock reads around send/receive.</summary>
    [JsonStringEnumMemberName("user")]
    User,
}

using System.Text.Json.Serialization;

namespace NetControl.Cli.Json;

/// <summary>One line of <c>netctl sim optical</c>: a simulated switch, its TL1 port and its SNMP (UDP) port.</summary>
public sealed record SimSwitchJson(string Name, string Dialect, int Tl1Port, int? SnmpPort);

/// <summary>The last line of <c>netctl sim optical</c>: where the control API listens.</summary>
public sealed record SimControlJson(string Control);

/// <summary>Output of <c>netctl sim cut|repair</c>: the link and whether it is cut now.</summary>
public sealed record SimLinkJson(string Link, bool Cut);

/// <summary>Compact (one object a line) JSON for the simulator's output.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(SimSwitchJson))]
[JsonSerializable(typeof(SimControlJson))]
[JsonSerializable(typeof(SimLinkJson))]
internal sealed partial class CliJsonLineContext : JsonSerializerContext;

using System.Net;

namespace NetControl.Agent.Configuration;

/// <summary>The agent's own STAMP reflector, which the other agents probe.</summary>
/// <param name="Listen">Address and UDP port to listen on (port 0 picks a free one).</param>
/// <param name="KernelTimestamps">Use kernel receive timestamps for T2 when available.</param>
public sealed record ReflectorConfig(IPEndPoint Listen, bool KernelTimestamps = true);

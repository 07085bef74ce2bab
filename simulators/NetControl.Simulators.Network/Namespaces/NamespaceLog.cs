using Microsoft.Extensions.Logging;

namespace NetControl.Simulators.Network.Namespaces;

/// <summary>The namespace mode's log messages (event ids 4050-4099).</summary>
internal static partial class NamespaceLog
{
    [LoggerMessage(4050, LogLevel.Information, "namespaces {A} ({AddressA}) and {B} ({AddressB}) joined by veth {VethA}/{VethB}")]
    public static partial void Created(ILogger logger, string a, string addressA, string b, string addressB, string vethA, string vethB);

    [LoggerMessage(4051, LogLevel.Information, "namespaces {A} and {B} deleted")]
    public static partial void Deleted(ILogger logger, string a, string b);

    [LoggerMessage(4052, LogLevel.Warning, "could not delete namespace {Name}: {Error}")]
    public static partial void DeleteFailed(ILogger logger, string name, string error);

    [LoggerMessage(4053, LogLevel.Information, "tbf on {Device} in {Namespace}: rate {Rate}, burst {Burst} B, latency {Latency} ms")]
    public static partial void RateLimited(ILogger logger, string device, string @namespace, string rate, int burst, double latency);

    [LoggerMessage(4054, LogLevel.Information, "swept stale namespace {Name} (owner process {Pid} is gone)")]
    public static partial void Swept(ILogger logger, string name, int pid);
}

using System.Text.Json.Serialization;

namespace NetControl.Benchmarking.Reporting;

/// <summary>Source-generated JSON for bench reports (camelCase, indented).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(BenchReport))]
public sealed partial class BenchJsonContext : JsonSerializerContext;

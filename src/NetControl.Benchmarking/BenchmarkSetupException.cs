using NetControl.Core;

namespace NetControl.Benchmarking;

/// <summary>A benchmark cannot start: missing data, bad options.</summary>
public sealed class BenchmarkSetupException(string message) : NetControlException(message);

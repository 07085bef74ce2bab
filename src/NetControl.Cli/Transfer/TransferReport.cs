namespace NetControl.Cli.Transfer;

/// <summary>What <c>netctl transfer</c> did, as <c>--json</c> prints it.</summary>
internal sealed record TransferReport
{
    public required string From { get; init; }

    public required string To { get; init; }

    public required long Bytes { get; init; }

    /// <summary>True when the host steps were only planned (not root, or <c>--dry-run</c>): no namespaces, no transfer.</summary>
    public required bool DryRun { get; init; }

    public string? Lightpath { get; init; }

    public IReadOnlyList<string> Path { get; init; } = [];

    public double? LatencyMs { get; init; }

    public string? FromAddress { get; init; }

    public string? ToAddress { get; init; }

    public long? BytesReceived { get; init; }

    public double? Seconds { get; init; }

    public double? Gbps { get; init; }

    public bool Released { get; init; }

    /// <summary>Both namespaces read back after release exactly as before the request (null in a dry run).</summary>
    public bool? HostsRestored { get; init; }

    /// <summary>Per host, the steps sent to its agent.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> HostSteps { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>In a dry run, per host, the exact commands the steps would run against this machine's current state.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> PlannedCommands { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}

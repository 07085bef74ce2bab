namespace NetControl.Benchmarking;

/// <summary>
/// Finds the reference data folder (<c>shared/data</c> beside the repository, as on CI): an explicit
/// directory, else <c>NETCONTROL_DATA</c>, else the first <c>shared/data</c> found walking up from the
/// working directory and from the application directory.
/// </summary>
public static class SharedData
{
    public const string EnvironmentVariable = "NETCONTROL_DATA";

    public static string? TryLocate(string? explicitDirectory = null)
    {
        if (explicitDirectory is not null)
        {
            return Directory.Exists(explicitDirectory) ? Path.GetFullPath(explicitDirectory) : null;
        }

        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment && Directory.Exists(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "data");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Locates the folder or throws a <see cref="BenchmarkSetupException"/> saying how to point at it.</summary>
    public static string Locate(string? explicitDirectory = null) =>
        TryLocate(explicitDirectory) ?? throw new BenchmarkSetupException(
            explicitDirectory is not null
                ? $"data directory '{explicitDirectory}' does not exist"
                : $"reference data not found: no shared/data above the working directory; pass --data DIR or set {EnvironmentVariable}");

    /// <summary>The repository's topology folder (for the copied Topology Zoo files), found by walking up.</summary>
    public static string? TryLocateRepositoryTopology()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "topology", "zoo");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

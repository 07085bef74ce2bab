using System.Reflection;

namespace NetControl.Tests.Shared;

/// <summary>
/// Finds the repository root and the reference data folder <c>shared/data</c> (beside the repository, as on
/// CI) by walking up from the test binaries, then from the test project's source folder (binaries may be
/// built outside the repository with an artifacts path). Compiled into every test project.
/// </summary>
internal static class SharedDataPath
{
    private static readonly Lazy<string> DataDirectory = new(() => FindUp(
        d => Directory.Exists(Path.Combine(d, "shared", "data")),
        d => Path.Combine(d, "shared", "data"),
        "a directory holding shared/data (the reference data beside the repository: ../shared/data)"));

    private static readonly Lazy<string> RepositoryDirectory = new(() => FindUp(
        d => File.Exists(Path.Combine(d, "NetControl.sln")),
        d => d,
        "the repository root (the directory holding NetControl.sln)"));

    /// <summary>The <c>shared/data</c> directory; fails the test with a clear message when it is missing.</summary>
    public static string Root => DataDirectory.Value;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The repository root (the directory holding NetControl.sln).</summary>
    public static string RepositoryRoot() => RepositoryDirectory.Value;

    private static string FindUp(Func<string, bool> found, Func<string, string> result, string what)
    {
        string? projectDirectory = Assembly.GetExecutingAssembly().GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value;
        foreach (string? start in new[] { AppContext.BaseDirectory, projectDirectory })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (found(dir.FullName))
                {
                    return result(dir.FullName);
                }
            }
        }

        throw new InvalidOperationException(
            $"cannot find {what} above {AppContext.BaseDirectory} or {projectDirectory}; these tests read the public reference data (see ../shared/data/README.md)");
    }
}

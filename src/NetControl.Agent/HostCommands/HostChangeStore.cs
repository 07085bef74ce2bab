using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetControl.Drivers.Host.Configuration;
using NetControl.Drivers.Host.Shell;

namespace NetControl.Agent.HostCommands;

/// <summary>
/// Keeps applied host change sets on disk so that a rollback still works after the agent restarts: one JSON file a
/// change set (<c>ID.json</c>, the id escaped for a file name) in <see cref="Directory"/>, written aside, fsynced and
/// renamed into place. <see cref="LoadAll"/> reads them back; a file that does not read (truncated, not JSON, wrong
/// shape, unknown version, an interrupted write) is logged on one line and moved aside as <c>*.bad</c> without
/// touching the others. Not thread-safe: <see cref="HostCommandService"/> calls it one command at a time.
/// </summary>
public sealed class HostChangeStore
{
    /// <summary>The subdirectory of the agent's journal directory that holds the change sets.</summary>
    public const string DefaultSubdirectory = "host-changes";

    private const string Extension = ".json";
    private const string Temporary = ".tmp";
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public HostChangeStore(string directory, ILogger<HostChangeStore>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Where the change sets are kept (absolute).</summary>
    public string Directory { get; }

    /// <summary>The file that holds change set <paramref name="changeSetId"/>.</summary>
    public string PathOf(string changeSetId) => Path.Combine(Directory, FileNameOf(changeSetId) + Extension);

    /// <summary>Every change set stored, by id; bad files are logged and moved aside. A missing directory holds none.</summary>
    /// <exception cref="HostChangeStoreException">The directory exists but cannot be listed.</exception>
    public IReadOnlyDictionary<string, HostChangeSet> LoadAll()
    {
        var loaded = new Dictionary<string, HostChangeSet>(StringComparer.Ordinal);
        if (!System.IO.Directory.Exists(Directory))
        {
            return loaded;
        }

        string[] files;
        try
        {
            files = System.IO.Directory.GetFiles(Directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new HostChangeStoreException($"cannot list the host change sets in '{Directory}': {ex.Message}", ex);
        }

        Array.Sort(files, StringComparer.Ordinal);
        foreach (string file in files)
        {
            if (file.EndsWith(Extension + Temporary, StringComparison.Ordinal))
            {
                MoveAside(file, "an interrupted write (the change set was never recorded)");
                continue;
            }

            if (!file.EndsWith(Extension, StringComparison.Ordinal))
            {
                continue;
            }

            if (Read(file, out string? problem) is { } read)
            {
                loaded[read.Id] = read.Changes;
            }
            else
            {
                MoveAside(file, problem!);
            }
        }

        HostCommandsLog.Loaded(_logger, loaded.Count, Directory, loaded.Count == 0 ? "none" : string.Join(", ", loaded.Keys.Order(StringComparer.Ordinal)));
        return loaded;
    }

    /// <summary>Records <paramref name="changes"/> under <paramref name="changeSetId"/>, replacing what was there: written aside, fsynced, renamed.</summary>
    /// <exception cref="HostChangeStoreException">The file cannot be written.</exception>
    public async Task SaveAsync(string changeSetId, HostChangeSet changes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(changeSetId);
        ArgumentNullException.ThrowIfNull(changes);
        var stored = new StoredChangeSet
        {
            Version = StoredChangeSet.CurrentVersion,
            ChangeSetId = changeSetId,
            Host = changes.Host,
            AppliedAt = _time.GetUtcNow(),
            Steps = [.. changes.Applied.Select(a => new StoredStep
            {
                Description = a.Step.Describe(),
                State = a.Plan.State,
                Apply = [.. a.Plan.Apply.Select(c => c.Argv)],
                Undo = [.. a.Plan.Undo.Select(c => c.Argv)],
            })],
        };
        byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(stored, HostChangeJsonContext.Default.StoredChangeSet);
        string path = PathOf(changeSetId);
        string temporary = path + Temporary;
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                await file.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new HostChangeStoreException($"cannot record change set {changeSetId} in '{path}': {ex.Message}", ex);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>Removes the file of <paramref name="changeSetId"/> (nothing when there is none).</summary>
    /// <exception cref="HostChangeStoreException">The file exists and cannot be removed.</exception>
    public void Delete(string changeSetId)
    {
        string path = PathOf(changeSetId);
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new HostChangeStoreException($"cannot remove '{path}': {ex.Message}", ex);
        }
    }

    /// <summary>
    /// A file name for a change set id: ASCII letters, digits, '-' and '_' as they are, every other byte of its UTF-8
    /// form as <c>%XX</c> (so no id can name a path outside the directory, or another id's file).
    /// </summary>
    public static string FileNameOf(string changeSetId)
    {
        ArgumentException.ThrowIfNullOrEmpty(changeSetId);
        var name = new StringBuilder(changeSetId.Length);
        foreach (byte b in Encoding.UTF8.GetBytes(changeSetId))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_')
            {
                name.Append((char)b);
            }
            else
            {
                name.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return name.ToString();
    }

    private static (string Id, HostChangeSet Changes)? Read(string file, out string? problem)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot be read: {ex.Message}";
            return null;
        }

        if (bytes.Length == 0)
        {
            problem = "empty (truncated)";
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = $"wrong shape: a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object";
                return null;
            }

            if (!document.RootElement.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int v))
            {
                problem = "wrong shape: no integer 'version'";
                return null;
            }

            if (v != StoredChangeSet.CurrentVersion)
            {
                problem = $"unknown version {v} (this agent reads version {StoredChangeSet.CurrentVersion})";
                return null;
            }
        }
        catch (JsonException ex)
        {
            problem = $"not valid JSON (truncated or damaged): {ex.Message}";
            return null;
        }

        StoredChangeSet? stored;
        try
        {
            stored = JsonSerializer.Deserialize(bytes, HostChangeJsonContext.Default.StoredChangeSet);
        }
        catch (JsonException ex)
        {
            problem = $"wrong shape: {ex.Message}";
            return null;
        }

        problem = Check(stored, file);
        if (problem is not null)
        {
            return null;
        }

        var steps = stored!.Steps.Select(s => RecordedStep.Restore(s.Description, s.State, [.. s.Apply.Select(a => new HostCommand(a))], [.. s.Undo.Select(u => new HostCommand(u))]));
        return (stored.ChangeSetId, new HostChangeSet(stored.Host, [.. steps]));
    }

    private static string? Check(StoredChangeSet? stored, string file)
    {
        if (stored is null)
        {
            return "wrong shape: null";
        }

        if (stored.ChangeSetId.Length == 0 || stored.Host.Length == 0)
        {
            return "wrong shape: empty 'changeSetId' or 'host'";
        }

        if (FileNameOf(stored.ChangeSetId) + Extension != Path.GetFileName(file))
        {
            return $"holds change set '{stored.ChangeSetId}', whose file is {FileNameOf(stored.ChangeSetId)}{Extension}";
        }

        for (int i = 0; i < stored.Steps.Count; i++)
        {
            var step = stored.Steps[i];
            if (step is null)
            {
                return $"wrong shape: steps[{i}] is null";
            }

            if (step.Undo.Concat(step.Apply).Any(argv => argv is null || argv.Count == 0 || argv.Any(a => a is null) || argv[0].Length == 0))
            {
                return $"wrong shape: steps[{i}] ({step.Description}) has an empty or null command";
            }
        }

        return null;
    }

    private void MoveAside(string file, string problem)
    {
        for (int n = 0; ; n++)
        {
            string target = n == 0 ? file + ".bad" : $"{file}.{n}.bad";
            if (File.Exists(target))
            {
                continue;
            }

            try
            {
                File.Move(file, target);
                HostCommandsLog.BadFile(_logger, file, problem, target);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                HostCommandsLog.BadFileStuck(_logger, file, problem, ex.Message);
            }

            return;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // best effort: a leftover temporary file is moved aside at the next load
        }
    }
}

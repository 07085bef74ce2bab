using System.Diagnostics;

namespace NetControl.Cli.Tests.Faults;

/// <summary>
/// <c>dotnet netctl.dll ARGS</c> as a child process, run from this test's output directory (which holds netctl.dll),
/// with its standard output and error kept line by line (the last <see cref="KeptLines"/>). <see cref="Kill"/>
/// is SIGKILL; disposing kills it too, so a failing test leaves no process behind.
/// </summary>
internal sealed class NetctlProcess : IAsyncDisposable
{
    private const int KeptLines = 400;

    /// <summary>ASP.NET Core's per-request information lines, dropped so that they do not push the controller's own out.</summary>
    private static readonly string[] RequestNoise = ["netctl: info: Request starting ", "netctl: info: Request finished ", "netctl: info: Executing endpoint ", "netctl: info: Executed endpoint "];
    private static readonly TimeSpan ExitLimit = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly Queue<string> _lines = new();
    private readonly List<string> _stdout = [];

    private NetctlProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts netctl in <paramref name="workingDirectory"/>.</summary>
    public static NetctlProcess Start(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "netctl.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start };
        var netctl = new NetctlProcess(process);
        process.OutputDataReceived += (_, e) => netctl.Keep(e.Data, stdout: true);
        process.ErrorDataReceived += (_, e) => netctl.Keep(e.Data, stdout: false);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return netctl;
    }

    /// <summary>The last lines of standard output and error, interleaved as they came.</summary>
    public string Log()
    {
        lock (_lines)
        {
            return string.Join('\n', _lines);
        }
    }

    /// <summary>How many kept lines contain <paramref name="text"/>.</summary>
    public int Count(string text)
    {
        lock (_lines)
        {
            return _lines.Count(l => l.Contains(text, StringComparison.Ordinal));
        }
    }

    /// <summary>Every standard output line so far, once one matches <paramref name="last"/>; fails when the process exits first or after <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<string>> StdoutUntilAsync(Func<string, bool> last, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            lock (_lines)
            {
                if (_stdout.Any(last))
                {
                    return [.. _stdout];
                }
            }

            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"netctl (pid {Id}) {(_process.HasExited ? $"exited with {_process.ExitCode}" : $"printed nothing expected within {limit.TotalSeconds:0} s")}; its output:\n{Log()}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>SIGKILL to the whole process tree; returns at once (see <see cref="WaitForExitAsync"/>).</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    /// <summary>Waits (at most 30 s) for the process to be gone.</summary>
    public async Task WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(ExitLimit);
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            Kill();
            await WaitForExitAsync();
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Keep(string? line, bool stdout)
    {
        if (line is null || RequestNoise.Any(n => line.StartsWith(n, StringComparison.Ordinal)))
        {
            return;
        }

        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > KeptLines)
            {
                _lines.Dequeue();
            }

            if (stdout)
            {
                _stdout.Add(line);
            }
        }
    }
}

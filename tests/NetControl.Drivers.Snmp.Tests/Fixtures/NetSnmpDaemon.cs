using System.Diagnostics;
using System.Text;

namespace NetControl.Drivers.Snmp.Tests.Fixtures;

/// <summary>
/// A net-snmp daemon (<c>snmpd</c>, <c>snmptrapd</c>) run in the foreground with its log on standard output
/// (<c>-f -Lo</c>): keeps every line it prints and lets a test wait for a line, without sleeping. Killed on dispose.
/// </summary>
internal sealed class NetSnmpDaemon : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly Task _stdout;
    private readonly Task _stderr;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NetSnmpDaemon(Process process, string commandLine)
    {
        _process = process;
        CommandLine = commandLine;
        _stdout = PumpAsync(process.StandardOutput);
        _stderr = PumpAsync(process.StandardError);
    }

    public string CommandLine { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Every line printed so far (standard output and error interleaved as they arrived).</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Starts <paramref name="program"/> with <paramref name="arguments"/>, its environment pointed at <paramref name="home"/>.</summary>
    public static NetSnmpDaemon Start(string program, NetSnmpHome home, IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(home);
        string path = NetSnmpInstallation.Require(program);
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        home.Apply(start);
        string commandLine = string.Join(' ', start.ArgumentList.Prepend(path));
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {commandLine}");
        return new NetSnmpDaemon(process, commandLine);
    }

    /// <summary>
    /// The first line at index <paramref name="from"/> or later matching <paramref name="match"/>, waiting up to
    /// <paramref name="timeout"/>; null when none came in time or the daemon exited.
    /// </summary>
    public async Task<(string Line, int Index)?> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, int from = 0)
    {
        ArgumentNullException.ThrowIfNull(match);
        using var limit = new CancellationTokenSource(timeout);
        int next = from;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                for (; next < _lines.Count; next++)
                {
                    if (match(_lines[next]))
                    {
                        return (_lines[next], next);
                    }
                }

                changed = _changed.Task;
            }

            if (_stdout.IsCompleted && _stderr.IsCompleted)
            {
                return null;
            }

            try
            {
                await changed.WaitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
    }

    /// <summary>The command line and the last lines printed, for failure messages.</summary>
    public string Describe(int lastLines = 20)
    {
        var lines = Lines;
        string exit = _process.HasExited ? $" (exited {_process.ExitCode})" : string.Empty;
        return $"{CommandLine}{exit}\n{string.Join('\n', lines.Skip(Math.Max(0, lines.Count - lastLines)))}";
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or will be reaped by the system.
        }

        await Task.WhenAll(_stdout, _stderr).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _process.Dispose();
    }

    private async Task PumpAsync(StreamReader reader)
    {
        try
        {
            while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                Signal(line);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The process went away.
        }
        finally
        {
            Signal(null);
        }
    }

    /// <summary>Records <paramref name="line"/> (if any) and wakes the waiters.</summary>
    private void Signal(string? line)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (line is not null)
            {
                _lines.Add(line);
            }

            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }
}

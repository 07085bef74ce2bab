using System.Diagnostics;
using System.Text;

namespace NetControl.Simulators.Network.Namespaces;

/// <summary>A long-running process inside a namespace (an iperf3 server, a client). Disposing kills it if it still runs.</summary>
public sealed class NamespaceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    internal NamespaceProcess(string command, Process process)
    {
        Command = command;
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
    }

    /// <summary>The command line, for messages.</summary>
    public string Command { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Output so far.</summary>
    public string StandardOutput => Read(_stdout);

    /// <summary>Error output so far.</summary>
    public string StandardError => Read(_stderr);

    /// <summary>Waits for the process to exit on its own within <paramref name="timeout"/>.</summary>
    /// <exception cref="CommandFailedException">It did not exit in time (it is killed) or exited non-zero.</exception>
    public Task<ProcessResult> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitForExitAsync(timeout, check: true, cancellationToken);

    /// <summary>Starts the process, waits for it like <see cref="WaitForExitAsync(TimeSpan, CancellationToken)"/> and disposes the underlying process.</summary>
    internal async Task<ProcessResult> RunToExitAsync(TimeSpan timeout, bool check, CancellationToken cancellationToken)
    {
        using (_process)
        {
            Start();
            return await WaitForExitAsync(timeout, check, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ProcessResult> WaitForExitAsync(TimeSpan timeout, bool check, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            ProcessRunner.Kill(_process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new CommandFailedException(Command, $"'{Command}' timed out after {timeout.TotalSeconds:0.#} s; stderr: {ProcessRunner.OneLine(StandardError)}", standardError: StandardError, timedOut: true);
        }

        // The exit event can precede the last redirected lines; WaitForExit() without a timeout drains them.
        _process.WaitForExit();
        var result = new ProcessResult(Command, _process.ExitCode, StandardOutput, StandardError);
        if (check && result.ExitCode != 0)
        {
            throw new CommandFailedException(Command, $"'{Command}' exited with {result.ExitCode}: {ProcessRunner.OneLine(result.StandardError)}", result.ExitCode, result.StandardError);
        }

        return result;
    }

    public async ValueTask DisposeAsync()
    {
        ProcessRunner.Kill(_process);
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Left to the kernel; the namespace deletion follows anyway.
        }

        _process.Dispose();
    }

    internal void Start()
    {
        try
        {
            _process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new CommandFailedException(Command, $"'{Command}' could not start: {ex.Message}", inner: ex);
        }

        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is not null)
        {
            lock (builder)
            {
                builder.AppendLine(line);
            }
        }
    }

    private static string Read(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }
}

using System.Diagnostics;
using System.Text;

namespace NetControl.Simulators.Network.Namespaces;

/// <summary>Runs a command to completion with a timeout, capturing its output; failures become <see cref="CommandFailedException"/>.</summary>
internal static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(string file, IReadOnlyList<string> arguments, TimeSpan timeout, bool check, CancellationToken cancellationToken)
    {
        var command = Describe(file, arguments);
        using var process = Create(file, arguments);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new CommandFailedException(command, $"'{command}' could not start: {ex.Message}", inner: ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new CommandFailedException(command, $"'{command}' timed out after {timeout.TotalSeconds:0.#} s; stderr: {OneLine(Read(stderr))}", standardError: Read(stderr), timedOut: true);
        }

        // The exit event can precede the last redirected lines; WaitForExit() without a timeout drains them.
        process.WaitForExit();
        var result = new ProcessResult(command, process.ExitCode, Read(stdout), Read(stderr));
        if (check && result.ExitCode != 0)
        {
            throw new CommandFailedException(command, $"'{command}' exited with {result.ExitCode}: {OneLine(result.StandardError)}", result.ExitCode, result.StandardError);
        }

        return result;
    }

    public static Process Create(string file, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return new Process { StartInfo = info };
    }

    public static string Describe(string file, IReadOnlyList<string> arguments) =>
        arguments.Count == 0 ? file : $"{file} {string.Join(' ', arguments)}";

    public static string OneLine(string text)
    {
        var line = string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length == 0 ? "(no stderr)" : line;
    }

    public static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
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

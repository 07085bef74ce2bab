using System.Diagnostics;

namespace NetControl.Simulators.Network.Namespaces;

/// <summary>Runs a command to completion with a timeout, capturing its output; failures become <see cref="CommandFailedException"/>.</summary>
internal static class ProcessRunner
{
    public static Task<ProcessResult> RunAsync(string file, IReadOnlyList<string> arguments, TimeSpan timeout, bool check, CancellationToken cancellationToken)
    {
        // Not disposed as a NamespaceProcess (that would kill and wait); the Process itself is disposed on completion.
        var process = new NamespaceProcess(Describe(file, arguments), Create(file, arguments));
        return process.RunToExitAsync(timeout, check, cancellationToken);
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
}

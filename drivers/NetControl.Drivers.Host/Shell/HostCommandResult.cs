namespace NetControl.Drivers.Host.Shell;

/// <summary>What a command did: exit code, standard output and standard error.</summary>
public sealed record HostCommandResult(int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The first line of standard error (or output), for one-line messages.</summary>
    public string Reason => (Error.Length > 0 ? Error : Output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? $"exit code {ExitCode}";
}

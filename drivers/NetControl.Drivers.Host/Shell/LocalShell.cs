using System.Diagnostics;

namespace NetControl.Drivers.Host.Shell;

/// <summary>
/// Runs commands on this machine, optionally inside a network namespace (<c>ip netns exec NS</c>), each with a time
/// limit after which it is killed.
/// </summary>
public sealed class LocalShell(string? networkNamespace = null, TimeSpan? timeout = null) : IHostShell
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(30);

    public string? NetworkNamespace { get; } = networkNamespace;

    public string Describe() => NetworkNamespace is null ? "local host" : $"network namespace {NetworkNamespace}";

    public async Task<HostCommandResult> RunAsync(HostCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var argv = NetworkNamespace is null ? command.Argv : ["ip", "netns", "exec", NetworkNamespace, .. command.Argv];
        var info = new ProcessStartInfo(argv[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in argv.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new HostCommandException(command, Describe(), "did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new HostCommandException(command, Describe(), $"cannot run {argv[0]}: {ex.Message}", ex);
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(_timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new HostCommandException(command, Describe(), $"no answer within {_timeout.TotalSeconds:0} s (killed)");
            }

            return new HostCommandResult(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
        }
    }
}

using System.CommandLine;
using NetControl.Cli.Commands;
using NetControl.Cli.Output;
using NetControl.Core;

namespace NetControl.Cli;

/// <summary>
/// The netctl command tree and its error policy: parse errors and bad input give one line on standard error
/// and a non-zero exit code, never a stack trace (set NETCTL_DEBUG=1 to see one for internal errors).
/// </summary>
public static class NetctlApp
{
    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand("netctl: measure wide-area paths, compute overlay trees and end-to-end paths, drive optical switches.")
        {
            DemoCommand.Create(console),
            TopologyCommand.Create(console),
            PathsCommand.Create(console),
            OverlayCommand.Create(console),
            SimCommand.Create(console),
            BenchCommand.Create(console),
            LightpathCommand.Create(console),
            AgentCommand.Create(console),
            ControllerCommand.Create(console),
            TransferCommand.Create(console),
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var console = new CliConsole(output, error);
        var root = Build(console);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            string command = string.Join(' ', Enumerable.Reverse(CommandPath(parsed.CommandResult.Command, root)));
            console.Fail($"{ParseErrorText.Of(parsed)} (see 'netctl {command}{(command.Length > 0 ? " " : string.Empty)}--help')");
            return ExitCodes.UsageError;
        }

        try
        {
            var configuration = new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
            };
            return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            console.Fail(e.Message);
            return ExitCodes.UsageError;
        }
        catch (NetControlException e)
        {
            console.Fail(e.Message);
            return ExitCodes.InputError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.Fail("cancelled");
            return 130;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            console.Fail($"internal error: {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable("NETCTL_DEBUG") == "1")
            {
                error.WriteLine(e.ToString());
            }

            return ExitCodes.InternalError;
        }
    }

    private static IEnumerable<string> CommandPath(Command command, RootCommand root)
    {
        for (var c = command; c is not null && c != root; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            yield return c.Name;
        }
    }
}

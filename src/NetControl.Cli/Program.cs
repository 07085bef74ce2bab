using System.Runtime.InteropServices;
using NetControl.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

// SIGTERM (a service manager, a test harness) stops long-running commands cleanly, like Ctrl+C.
using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancel.Cancel();
});

return await NetctlApp.RunAsync(args, Console.Out, Console.Error, cancel.Token).ConfigureAwait(false);

using Microsoft.Extensions.Logging;
using NetControl.Probes.Timestamps;

namespace NetControl.Probes.Sessions;

/// <summary>Handles one timestamped datagram.</summary>
internal delegate void DatagramHandler(ReadOnlySpan<byte> data, in ReceivedDatagram datagram);

/// <summary>
/// The receive side of the reflector and the sender: a dedicated thread (the kernel path blocks in poll/recvmsg)
/// that hands each datagram to a handler until stopped. Nothing a datagram triggers escapes the loop.
/// </summary>
internal static class ReceiveLoop
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(100);

    public static Task Start(DatagramReceiver receiver, DatagramHandler handler, ILogger logger, string name, CancellationToken stop) =>
        Task.Factory.StartNew(() => Run(receiver, handler, logger, name, stop), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static void Run(DatagramReceiver receiver, DatagramHandler handler, ILogger logger, string name, CancellationToken stop)
    {
        var buffer = new byte[65_536];
        while (!stop.IsCancellationRequested)
        {
            if (!receiver.TryReceive(buffer, PollTimeout, out var datagram))
            {
                continue;
            }

            try
            {
                handler(buffer.AsSpan(0, datagram.Length), datagram);
            }
#pragma warning disable CA1031 // the loop must survive whatever one datagram triggers; it is logged
            catch (Exception ex)
#pragma warning restore CA1031
            {
                StampLog.LoopError(logger, name, ex.Message);
            }
        }
    }
}

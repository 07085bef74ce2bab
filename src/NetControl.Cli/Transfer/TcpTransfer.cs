using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NetControl.Cli.Transfer;

/// <summary>
/// A real TCP transfer between the two namespace hosts: a listener in the receiving namespace, a sender bound to the
/// lightpath address in the other, <c>bytes</c> of data, counted on arrival. Time runs from the connection to the last
/// byte received.
/// </summary>
internal static class TcpTransfer
{
    private const int Chunk = 1 << 20;

    public static async Task<(long Received, TimeSpan Elapsed)> RunAsync(string senderNs, IPAddress from, string receiverNs, IPAddress to, long bytes, CancellationToken cancellationToken)
    {
        using var listener = await NamespaceSockets.ListenAsync(receiverNs, new IPEndPoint(to, 0)).ConfigureAwait(false);
        var target = (IPEndPoint)listener.LocalEndPoint!;
        using var sender = await NamespaceSockets.BoundAsync(senderNs, new IPEndPoint(from, 0)).ConfigureAwait(false);
        var accepting = listener.AcceptAsync(cancellationToken).AsTask();
        await sender.ConnectAsync(target, cancellationToken).ConfigureAwait(false);
        using var receiver = await accepting.ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var receiving = ReceiveAsync(receiver, cancellationToken);
        var buffer = new byte[Chunk];
        for (long left = bytes; left > 0;)
        {
            int n = (int)Math.Min(left, Chunk);
            await sender.SendAsync(buffer.AsMemory(0, n), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            left -= n;
        }

        sender.Shutdown(SocketShutdown.Send);
        long received = await receiving.ConfigureAwait(false);
        return (received, clock.Elapsed);
    }

    private static async Task<long> ReceiveAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[Chunk];
        long total = 0;
        while (true)
        {
            int n = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return total;
            }

            total += n;
        }
    }
}

using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NetControl.Simulators.Network.Tests.Support;

/// <summary>Test traffic: paced timestamped datagrams and simple statistics.</summary>
internal static class Traffic
{
    /// <summary>Sends <paramref name="count"/> datagrams of <paramref name="size"/> bytes to <paramref name="to"/>, one every <paramref name="gap"/> (batched per millisecond at high rates).</summary>
    public static void Send(Socket socket, IPEndPoint to, int count, int size, TimeSpan gap)
    {
        var buffer = new byte[size];
        var start = Stopwatch.GetTimestamp();
        var gapTicks = gap.TotalSeconds * Stopwatch.Frequency;
        for (var i = 0; i < count; i++)
        {
            var due = start + (long)(i * gapTicks);
            var now = Stopwatch.GetTimestamp();
            if (due - now > Stopwatch.Frequency / 1000)
            {
                Thread.Sleep(TimeSpan.FromTicks((due - now) * TimeSpan.TicksPerSecond / Stopwatch.Frequency));
            }

            while (Stopwatch.GetTimestamp() < due)
            {
                Thread.SpinWait(10);
            }

            BinaryPrimitives.WriteInt32BigEndian(buffer, i);
            BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(4), Stopwatch.GetTimestamp());
            socket.SendTo(buffer, to);
        }
    }

    public static Socket Client()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 100, SendBufferSize = 8 << 20, ReceiveBufferSize = 8 << 20 };
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static double TicksToMicroseconds(long ticks) => ticks * 1e6 / Stopwatch.Frequency;

    /// <summary>Waits until <paramref name="condition"/> holds or <paramref name="timeout"/> passes.</summary>
    public static void WaitFor(Func<bool> condition, TimeSpan timeout)
    {
        var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!condition() && Stopwatch.GetTimestamp() < until)
        {
            Thread.Sleep(10);
        }
    }
}

using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace NetControl.Cli.Transfer;

/// <summary>
/// TCP sockets that live in a Linux network namespace: each is created on a short-lived thread that first joins the
/// namespace (<c>setns</c> on <c>/var/run/netns/NAME</c>; a thread's network namespace is its own), and once made the
/// socket works from any thread. Root only.
/// </summary>
internal static partial class NamespaceSockets
{
    private const int CloneNewNet = 0x40000000;

    public static Task<Socket> ListenAsync(string networkNamespace, IPEndPoint endPoint) => InNamespace(networkNamespace, () =>
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(endPoint);
        socket.Listen(1);
        return socket;
    });

    /// <summary>A socket in the namespace bound to <paramref name="local"/>, not yet connected (connect from any thread).</summary>
    public static Task<Socket> BoundAsync(string networkNamespace, IPEndPoint local) => InNamespace(networkNamespace, () =>
    {
        var socket = new Socket(local.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(local);
        return socket;
    });

    private static Task<Socket> InNamespace(string networkNamespace, Func<Socket> make)
    {
        var done = new TaskCompletionSource<Socket>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                using var handle = File.OpenHandle($"/var/run/netns/{networkNamespace}");
                if (SetNs((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
                {
                    throw new IOException($"cannot enter network namespace {networkNamespace}: errno {Marshal.GetLastPInvokeError()}");
                }

                done.SetResult(make());
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SocketException)
            {
                done.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = $"netns {networkNamespace}",
        };
        thread.Start();
        return done.Task;
    }

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static partial int SetNs(int fd, int nstype);
}

using System.Runtime.InteropServices;

namespace NetControl.Benchmarking.Probes;

/// <summary>
/// Creates objects whose sockets must live in another network namespace (<c>/var/run/netns/NAME</c>): a fresh
/// thread joins the namespace with setns(2), runs the factory (sockets are bound to the namespace they were created
/// in, for their whole life) and ends, so no pooled thread ever changes namespace. Linux only; needs CAP_SYS_ADMIN.
/// </summary>
public static class NetworkNamespaceThread
{
    private const int CloneNewNet = 0x40000000;

    public static T Create<T>(string namespaceName, Func<T> factory)
    {
        ArgumentException.ThrowIfNullOrEmpty(namespaceName);
        ArgumentNullException.ThrowIfNull(factory);
        T? result = default;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var handle = File.OpenHandle($"/var/run/netns/{namespaceName}", FileMode.Open, FileAccess.Read);
                if (Native.setns((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
                {
                    throw new BenchmarkSetupException($"setns into network namespace {namespaceName} failed: errno {Marshal.GetLastPInvokeError()}");
                }

                result = factory();
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        })
        { IsBackground = true, Name = $"netns {namespaceName}" };
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw failure is BenchmarkSetupException ? failure : new BenchmarkSetupException($"creating sockets in network namespace {namespaceName}: {failure.Message}");
        }

        return result!;
    }

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code, which this project does not allow; a blittable signature needs no marshalling anyway.
        public static extern int setns(int fd, int nstype);
#pragma warning restore SYSLIB1054
    }
}

using System.Runtime.InteropServices;

namespace NetControl.Probes.Timestamps;

/// <summary>
/// The few libc calls and LP64 Linux structures the kernel timestamp path needs (x86-64 and arm64 share the layouts).
/// </summary>
internal static unsafe partial class LinuxInterop
{
    public const int ClockRealtime = 0;

    public const int SolSocket = 1;
    public const int SoTimestampNs = 35;        // SO_TIMESTAMPNS_OLD: control message SCM_TIMESTAMPNS carries a timespec
    public const int ScmTimestampNs = SoTimestampNs;
    public const int IpProtoIp = 0;
    public const int IpTtl = 2;                 // control message type carrying the received TTL
    public const int IpRecvTtl = 12;
    public const int IpProtoIpv6 = 41;
    public const int Ipv6RecvHopLimit = 51;
    public const int Ipv6HopLimit = 52;

    public const int MsgDontWait = 0x40;
    public const int MsgTrunc = 0x20;
    public const short PollIn = 0x001;
    public const int EAgain = 11;
    public const int EIntr = 4;

    public const ushort AfInet = 2;
    public const ushort AfInet6 = 10;

    [LibraryImport("libc", SetLastError = true)]
    public static partial int clock_gettime(int clockId, out Timespec time);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint recvmsg(int socket, MsgHdr* message, int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    /// <summary>CMSG_ALIGN for LP64: control message headers and data are 8-byte aligned.</summary>
    public static nint CmsgAlign(nint length) => (length + 7) & ~(nint)7;

    [StructLayout(LayoutKind.Sequential)]
    public struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct IoVec
    {
        public void* Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct MsgHdr
    {
        public void* Name;
        public uint NameLength;
        public IoVec* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct CmsgHdr
    {
        public nuint Length;
        public int Level;
        public int Type;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }
}

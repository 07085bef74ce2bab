using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace NetControl.Probes.Timestamps;

/// <summary>
/// Takes datagrams from a UDP socket with the best receive timestamp available. On 64-bit Linux it enables
/// SO_TIMESTAMPNS (and IP_RECVTTL / IPV6_RECVHOPLIMIT when asked) and reads with <c>recvmsg</c>, parsing the
/// SCM_TIMESTAMPNS timespec and the TTL from the control messages; elsewhere, or when the kernel refuses, it
/// stamps the datagram from <see cref="RealtimeClock"/> as soon as the receive call returns (<see cref="ReceiveClock.UserSpace"/>).
/// One thread at a time may call <see cref="TryReceive"/>; sending on the same socket from other threads is fine.
/// </summary>
public sealed class DatagramReceiver
{
    private readonly Socket _socket;
    private readonly bool _useRecvmsg;

    /// <summary>Prepares <paramref name="socket"/> (a bound UDP socket) for timestamped receives.</summary>
    /// <param name="socket">The socket; the caller keeps ownership.</param>
    /// <param name="kernelTimestamps">Ask the kernel for receive timestamps (false forces user-space stamps).</param>
    /// <param name="receiveTtl">Ask the kernel for the TTL / hop limit of each datagram.</param>
    public DatagramReceiver(Socket socket, bool kernelTimestamps = true, bool receiveTtl = false)
    {
        ArgumentNullException.ThrowIfNull(socket);
        _socket = socket;
        _useRecvmsg = OperatingSystem.IsLinux() && Environment.Is64BitProcess && RealtimeClock.IsKernelRealtime;
        if (!_useRecvmsg)
        {
            return;
        }

        KernelTimestamps = kernelTimestamps && TrySetOption(LinuxInterop.SolSocket, LinuxInterop.SoTimestampNs);
        if (receiveTtl)
        {
            var v6 = socket.AddressFamily == AddressFamily.InterNetworkV6;
            var v4Ttl = (!v6 || socket.DualMode) && TrySetOption(LinuxInterop.IpProtoIp, LinuxInterop.IpRecvTtl);
            var v6Ttl = v6 && TrySetOption(LinuxInterop.IpProtoIpv6, LinuxInterop.Ipv6RecvHopLimit);
            ReceivesTtl = v4Ttl || v6Ttl;
        }
    }

    /// <summary>True when receive timestamps come from the kernel.</summary>
    public bool KernelTimestamps { get; }

    /// <summary>True when the kernel reports each datagram's TTL / hop limit.</summary>
    public bool ReceivesTtl { get; }

    /// <summary>The clock datagrams are normally stamped with (a datagram whose control message is missing falls back to user space and says so).</summary>
    public ReceiveClock Clock => KernelTimestamps ? ReceiveClock.Kernel : ReceiveClock.UserSpace;

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for a datagram and copies it into <paramref name="buffer"/> (a longer
    /// datagram is truncated). Returns false on timeout, on a transient socket error (an ICMP error reported on a UDP
    /// socket) or once the socket is closed; never throws for those.
    /// </summary>
    public bool TryReceive(Span<byte> buffer, TimeSpan timeout, out ReceivedDatagram datagram)
    {
        var milliseconds = (int)Math.Clamp(timeout.TotalMilliseconds, 0, int.MaxValue);
        return _useRecvmsg ? TryReceiveMessage(buffer, milliseconds, out datagram) : TryReceiveFrom(buffer, milliseconds, out datagram);
    }

    private bool TryReceiveFrom(Span<byte> buffer, int milliseconds, out ReceivedDatagram datagram)
    {
        datagram = default;
        try
        {
            if (!_socket.Poll(milliseconds * 1000L > int.MaxValue ? -1 : milliseconds * 1000, SelectMode.SelectRead))
            {
                return false;
            }

            EndPoint remote = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
            var length = _socket.ReceiveFrom(buffer, SocketFlags.None, ref remote);
            datagram = new ReceivedDatagram(length, Normalize((IPEndPoint)remote), RealtimeClock.UnixNanoseconds(), ReceiveClock.UserSpace, null);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    private unsafe bool TryReceiveMessage(Span<byte> buffer, int milliseconds, out ReceivedDatagram datagram)
    {
        datagram = default;
        var added = false;
        try
        {
            _socket.SafeHandle.DangerousAddRef(ref added);
            var fd = (int)_socket.SafeHandle.DangerousGetHandle();
            var name = stackalloc byte[128];
            var control = stackalloc byte[256];
            fixed (byte* data = buffer)
            {
                var poll = new LinuxInterop.PollFd { Fd = fd, Events = LinuxInterop.PollIn };
                if (LinuxInterop.poll(&poll, 1, milliseconds) <= 0 || (poll.Revents & LinuxInterop.PollIn) == 0)
                {
                    return false;
                }

                var iov = new LinuxInterop.IoVec { Base = data, Length = (nuint)buffer.Length };
                var message = new LinuxInterop.MsgHdr { Name = name, NameLength = 128, Iov = &iov, IovLength = 1, Control = control, ControlLength = 256 };
                var received = LinuxInterop.recvmsg(fd, &message, LinuxInterop.MsgDontWait);
                if (received < 0)
                {
                    return false;
                }

                var userSpaceNanoseconds = RealtimeClock.UnixNanoseconds();
                var remote = ParseAddress(new ReadOnlySpan<byte>(name, (int)Math.Min(message.NameLength, 128u)));
                if (remote is null)
                {
                    return false;
                }

                ParseControl(new ReadOnlySpan<byte>(control, (int)Math.Min(message.ControlLength, 256u)), out var kernelNanoseconds, out var ttl);
                var length = (int)Math.Min(received, buffer.Length);
                datagram = kernelNanoseconds is { } stamped
                    ? new ReceivedDatagram(length, remote, stamped, ReceiveClock.Kernel, ttl)
                    : new ReceivedDatagram(length, remote, userSpaceNanoseconds, ReceiveClock.UserSpace, ttl);
                return true;
            }
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
        finally
        {
            if (added)
            {
                _socket.SafeHandle.DangerousRelease();
            }
        }
    }

    private static unsafe void ParseControl(ReadOnlySpan<byte> control, out long? kernelNanoseconds, out byte? ttl)
    {
        kernelNanoseconds = null;
        ttl = null;
        var header = sizeof(LinuxInterop.CmsgHdr);
        var dataOffset = (int)LinuxInterop.CmsgAlign(header);
        var offset = 0;
        while (offset + header <= control.Length)
        {
            var cmsg = MemoryMarshal.Read<LinuxInterop.CmsgHdr>(control[offset..]);
            var length = (int)Math.Min(cmsg.Length, (nuint)(control.Length - offset));
            if (length < header)
            {
                return;
            }

            var data = control.Slice(offset + dataOffset, Math.Max(0, length - dataOffset));
            if (cmsg.Level == LinuxInterop.SolSocket && cmsg.Type == LinuxInterop.ScmTimestampNs && data.Length >= sizeof(LinuxInterop.Timespec))
            {
                var time = MemoryMarshal.Read<LinuxInterop.Timespec>(data);
                kernelNanoseconds = (time.Seconds * 1_000_000_000) + time.Nanoseconds;
            }
            else if (((cmsg.Level == LinuxInterop.IpProtoIp && cmsg.Type == LinuxInterop.IpTtl)
                      || (cmsg.Level == LinuxInterop.IpProtoIpv6 && cmsg.Type == LinuxInterop.Ipv6HopLimit)) && data.Length >= sizeof(int))
            {
                ttl = (byte)Math.Clamp(MemoryMarshal.Read<int>(data), 0, 255);
            }

            offset += (int)LinuxInterop.CmsgAlign(length);
        }
    }

    private static IPEndPoint? ParseAddress(ReadOnlySpan<byte> name)
    {
        if (name.Length < 2)
        {
            return null;
        }

        var family = MemoryMarshal.Read<ushort>(name);
        if (family == LinuxInterop.AfInet && name.Length >= 8)
        {
            return new IPEndPoint(new IPAddress(name.Slice(4, 4)), BinaryPrimitives.ReadUInt16BigEndian(name[2..]));
        }

        if (family == LinuxInterop.AfInet6 && name.Length >= 28)
        {
            var address = new IPAddress(name.Slice(8, 16), MemoryMarshal.Read<uint>(name[24..]));
            return Normalize(new IPEndPoint(address, BinaryPrimitives.ReadUInt16BigEndian(name[2..])));
        }

        return null;
    }

    private static IPEndPoint Normalize(IPEndPoint endPoint) =>
        endPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;

    private bool TrySetOption(int level, int name)
    {
        try
        {
            _socket.SetRawSocketOption(level, name, BitConverter.GetBytes(1));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

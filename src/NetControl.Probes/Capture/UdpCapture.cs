using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using PacketDotNet;
using SharpPcap;
using SharpPcap.LibPcap;

namespace NetControl.Probes.Capture;

/// <summary>
/// Captures, with libpcap, the UDP datagrams addressed to one local endpoint and remembers when each arrived (the
/// capture timestamp, Unix nanoseconds on CLOCK_REALTIME, taken by the kernel as the packet passed the capture tap),
/// so the socket that receives a datagram can ask for its capture time. A background thread reads the device in
/// immediate mode through the BPF filter <c>udp and dst port N [and dst host A]</c>; datagrams arriving once
/// <see cref="TryOpen"/> has returned are captured (the kernel queues them until the thread reads). Timestamps are kept at most
/// <see cref="UdpCaptureOptions.EntryLifetime"/> and <see cref="UdpCaptureOptions.MaxEntries"/> at once.
/// Opening needs libpcap and capture rights (root or CAP_NET_RAW); <see cref="TryOpen"/> says why it cannot.
/// </summary>
public sealed class UdpCapture : IDisposable
{
    private readonly LibPcapLiveDevice _device;
    private readonly CaptureStampStore _stamps;
    private readonly Thread _thread;
    private volatile bool _stopping;
    private long _captured;
    private long _unparsed;
    private int _disposed;

    private UdpCapture(LibPcapLiveDevice device, string filter, UdpCaptureOptions options)
    {
        _device = device;
        _stamps = new CaptureStampStore(options.MaxEntries, options.EntryLifetime, TimeProvider.System);
        Filter = filter;
        NanosecondResolution = device.TimestampResolution == TimestampResolution.Nanosecond;
        _thread = new Thread(Run) { IsBackground = true, Name = $"pcap {device.Name} {filter}" };
    }

    /// <summary>The pcap device captured on (e.g. <c>lo</c>).</summary>
    public string DeviceName => _device.Name;

    /// <summary>The BPF filter applied.</summary>
    public string Filter { get; }

    /// <summary>True when the device delivers nanosecond timestamps; false for microseconds (the device refused nanoseconds).</summary>
    public bool NanosecondResolution { get; }

    /// <summary>UDP datagrams captured and remembered.</summary>
    public long Captured => Interlocked.Read(ref _captured);

    /// <summary>Captured frames that held no readable UDP datagram.</summary>
    public long Unparsed => Interlocked.Read(ref _unparsed);

    /// <summary>Timestamps forgotten unclaimed (expired, or pushed out when the store was full).</summary>
    public long Evicted => _stamps.Evicted;

    /// <summary>True while the capture thread runs (until <see cref="Dispose"/> or a read error).</summary>
    public bool IsRunning => _thread.IsAlive;

    /// <summary>Why the capture thread stopped early (a libpcap read error); null while it runs or after a normal stop.</summary>
    public string? Failure { get; private set; }

    /// <summary>
    /// Opens a capture for datagrams addressed to <paramref name="localEndPoint"/> (a bound socket's local endpoint) and
    /// starts its thread. Returns false with the reason when pcap cannot be used: libpcap missing, no capture rights,
    /// no matching device, or the device refused the configuration.
    /// </summary>
    public static bool TryOpen(
        IPEndPoint localEndPoint,
        UdpCaptureOptions? options,
        [NotNullWhen(true)] out UdpCapture? capture,
        [NotNullWhen(false)] out string? failure)
    {
        ArgumentNullException.ThrowIfNull(localEndPoint);
        options ??= new UdpCaptureOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxEntries, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Snaplen, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.EntryLifetime, TimeSpan.Zero, nameof(options));
        capture = null;
        LibPcapLiveDevice? device = null;
        try
        {
            device = CaptureDeviceFinder.Find(localEndPoint.Address, options.DeviceName, out failure);
            if (device is null)
            {
                failure ??= $"no pcap device for {localEndPoint.Address}";
                return false;
            }

            var configuration = new DeviceConfiguration
            {
                Mode = DeviceModes.None,
                Snaplen = options.Snaplen,
                ReadTimeout = 100,
                Immediate = true,
                BufferSize = options.BufferSize,
                TimestampResolution = TimestampResolution.Nanosecond,
            };

            // Without a handler SharpPcap throws on any refused setting; nanoseconds are optional (the device then
            // stays at microseconds, which NanosecondResolution reports), the rest is not.
            string? refused = null;
            configuration.ConfigurationFailed += (_, e) =>
            {
                if (e.Property != nameof(DeviceConfiguration.TimestampResolution))
                {
                    refused ??= $"{e.Property}: {e.Message}";
                }
            };

            device.Open(configuration);
            if (refused is not null)
            {
                failure = $"pcap device {device.Name} refused {refused}";
                device.Close();
                return false;
            }

            string filter = BuildFilter(localEndPoint);
            device.Filter = filter;
            capture = new UdpCapture(device, filter, options);
            UdpFrameParser.WarmUp();
            capture._thread.Start();
            failure = null;
            return true;
        }
        catch (Exception e) when (e is PcapException or DllNotFoundException or EntryPointNotFoundException or TypeInitializationException
                                    or PlatformNotSupportedException or DeviceNotReadyException)
        {
            device?.Close();
            string rights = Environment.IsPrivilegedProcess ? "" : " (not running as root: capturing needs root or CAP_NET_RAW)";
            failure = $"pcap unavailable for {localEndPoint}: {e.GetBaseException().Message}{rights}";
            return false;
        }
    }

    /// <summary>
    /// The capture time (Unix nanoseconds) of the datagram of <paramref name="length"/> bytes from
    /// <paramref name="remote"/> whose payload starts with <paramref name="payload"/>, waiting up to
    /// <paramref name="wait"/> for the capture thread to catch up. A timestamp is handed out once.
    /// </summary>
    public bool TryTakeTimestamp(IPEndPoint remote, int length, ReadOnlySpan<byte> payload, TimeSpan wait, out long captureUnixNanoseconds)
    {
        ArgumentNullException.ThrowIfNull(remote);
        var key = DatagramKey.Create(remote.Address, remote.Port, length, payload);
        return _stamps.TryTake(key, _stopping ? TimeSpan.Zero : wait, out captureUnixNanoseconds);
    }

    /// <summary>Stops the capture thread (within about half a second, SharpPcap's poll interval) and closes the device.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping = true;
        if (_thread.IsAlive && _thread != Thread.CurrentThread)
        {
            _thread.Join();
        }

        _device.Close();
    }

    internal static string BuildFilter(IPEndPoint localEndPoint)
    {
        var address = localEndPoint.Address.IsIPv4MappedToIPv6 ? localEndPoint.Address.MapToIPv4() : localEndPoint.Address;
        bool any = address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);
        string host = address.AddressFamily == AddressFamily.InterNetworkV6 ? new IPAddress(address.GetAddressBytes()).ToString() : address.ToString();
        return any ? $"udp and dst port {localEndPoint.Port}" : $"udp and dst port {localEndPoint.Port} and dst host {host}";
    }

    private void Run()
    {
        var linkLayer = _device.LinkType;
        while (!_stopping)
        {
            GetPacketStatus status;
            try
            {
                status = _device.GetNextPacket(out var packet);
                if (status == GetPacketStatus.PacketRead)
                {
                    Record(linkLayer, packet.GetPacket());
                }
            }
            catch (PcapException e)
            {
                Failure = e.Message;
                return;
            }

            if (status is GetPacketStatus.Error or GetPacketStatus.NoRemainingPackets)
            {
                Failure = $"pcap read on {_device.Name} ended: {status} {_device.LastError}";
                return;
            }
        }
    }

    private void Record(LinkLayers linkLayer, RawCapture raw)
    {
        if (!UdpFrameParser.TryRead(linkLayer, raw.Data, out var key))
        {
            Interlocked.Increment(ref _unparsed);
            return;
        }

        long stamp = (long)(raw.Timeval.Value * 1_000_000_000m);
        Interlocked.Increment(ref _captured);
        _stamps.Add(key, stamp);
    }
}

using System.Net.Sockets;
using NetControl.Core.Devices;

namespace NetControl.Drivers.Tl1.Transport;

/// <summary>
/// A TL1 channel could not be opened or broke: what failed and where, in one line, e.g.
/// <c>tcp 127.0.0.1:10033: connection refused</c>. <see cref="DeviceException.Device"/> is the transport's
/// <see cref="ITl1Transport.Describe"/>. Refusals, timeouts, resets and dropped SSH connections are transient;
/// authentication and host key failures are not.
/// </summary>
public class Tl1TransportException : DeviceException
{
    /// <summary>Creates the exception for <paramref name="where"/> (a transport description).</summary>
    public Tl1TransportException(string where, string message, bool isTransient, Exception? inner = null)
        : base(where, OneLine(message), isTransient: isTransient, inner: inner)
    {
    }

    /// <summary>Maps a socket error to a short description and whether retrying may help.</summary>
    internal static Tl1TransportException FromSocket(string where, SocketException error) => error.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => new(where, "connection refused", isTransient: true, error),
        SocketError.TimedOut => new(where, "timed out", isTransient: true, error),
        SocketError.ConnectionReset => new(where, "connection reset by peer", isTransient: true, error),
        SocketError.ConnectionAborted => new(where, "connection aborted", isTransient: true, error),
        SocketError.Shutdown or SocketError.NotConnected => new(where, "connection closed", isTransient: true, error),
        SocketError.HostUnreachable or SocketError.HostDown => new(where, "host unreachable", isTransient: true, error),
        SocketError.NetworkUnreachable or SocketError.NetworkDown => new(where, "network unreachable", isTransient: true, error),
        SocketError.TryAgain => new(where, "host name lookup failed temporarily", isTransient: true, error),
        SocketError.HostNotFound or SocketError.NoData => new(where, "host not found", isTransient: false, error),
        SocketError.AccessDenied or SocketError.AddressNotAvailable or SocketError.AddressFamilyNotSupported
            => new(where, $"cannot connect: {error.Message}", isTransient: false, error),
        _ => new(where, $"socket error {error.SocketErrorCode}: {error.Message}", isTransient: true, error),
    };

    /// <summary>Library messages sometimes span lines; a transport error is reported on one.</summary>
    internal static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

namespace NetControl.Drivers.Tl1.Session;

/// <summary>
/// The connection broke while the command was outstanding (or the session is closed). Transient unless closed;
/// the device may or may not have executed the command, so callers re-read device truth before retrying.
/// </summary>
public sealed class Tl1ConnectionLostException(string device, string detail, bool closed = false, Exception? inner = null)
    : Tl1Exception(device, closed ? $"session closed: {detail}" : $"connection lost: {detail}", isTransient: !closed, inner: inner);

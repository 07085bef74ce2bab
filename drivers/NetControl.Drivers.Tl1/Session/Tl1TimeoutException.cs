namespace NetControl.Drivers.Tl1.Session;

/// <summary>A command got no final response within its timeout. Transient; a late response is logged and dropped.</summary>
public sealed class Tl1TimeoutException(string device, string command, string ctag, TimeSpan timeout)
    : Tl1Exception(device, $"{command} (ctag {ctag}) got no response within {timeout.TotalSeconds:0.###} s", isTransient: true);

namespace NetControl.Core.Devices;

/// <summary>Optical power at one port, in dBm; <see cref="HasLight"/> applies the driver's no-light threshold.</summary>
public sealed record PortPower(string Port, double PowerDbm, bool HasLight);

namespace NetControl.Simulators.Optical.Light;

/// <summary>
/// Optical power at a port in dBm, clamped to the floor (<see cref="LightOptions.FloorDbm"/>): <see cref="Received"/>
/// is the light arriving at the port, <see cref="Transmitted"/> the light leaving it. A Glimmerglass input port only
/// receives and an output port only transmits; the other value then reads the floor.
/// </summary>
public readonly record struct PortLight(double Received, double Transmitted);

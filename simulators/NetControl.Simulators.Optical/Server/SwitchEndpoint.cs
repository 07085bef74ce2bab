namespace NetControl.Simulators.Optical.Server;

/// <summary>Where a simulated switch listens: its name (the topology node id), dialect and loopback TL1 port.</summary>
public sealed record SwitchEndpoint(string Name, string Dialect, int Tl1Port);

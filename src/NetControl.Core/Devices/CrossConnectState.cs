namespace NetControl.Core.Devices;

/// <summary>One cross-connect read back from a device: what is really connected, its health and optical power where known.</summary>
public sealed record CrossConnectState(CrossConnect Connection, CrossConnectStatus Status, double? InputPowerDbm = null, double? OutputPowerDbm = null);

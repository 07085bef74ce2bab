namespace NetControl.Controller.Api.Dtos;

/// <summary>A cross-connect on one switch, in the device's port names.</summary>
public sealed record CrossConnectDto(string Device, string From, string To, bool Duplex);

using NetControl.Core.Devices;

namespace NetControl.Core.Lightpaths.Provisioning;

/// <summary>One cross-connect of a lightpath on one switch: <see cref="Connection"/> in the port names of <see cref="Device"/>.</summary>
/// <param name="Device">The switch, as the provisioner's device lookup knows it (a topology node id such as <c>CHI-PXC</c>).</param>
/// <param name="Connection">The cross-connect to make on that switch.</param>
public sealed record CrossConnectStep(string Device, CrossConnect Connection)
{
    /// <inheritdoc />
    public override string ToString() => $"{Device} {Connection}";
}

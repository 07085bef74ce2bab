namespace NetControl.Core.Devices;

/// <summary>A device that reports optical power per port.</summary>
public interface IOpticalPowerMonitor
{
    /// <summary>Power at every port (or the listed ones), as the device reports it now.</summary>
    Task<IReadOnlyList<PortPower>> ReadPowerAsync(IReadOnlyCollection<string>? ports = null, CancellationToken cancellationToken = default);
}

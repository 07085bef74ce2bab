using NetControl.Core.Devices;

namespace NetControl.Drivers.Tl1.Tests.Provisioning;

/// <summary>
/// Wraps a real driver and makes it misbehave on purpose: an apply that reaches the device but whose answer is lost
/// (a transient failure after the fact), or a removal that the device never gets.
/// </summary>
internal sealed class FlakyDevice(string name, ICrossConnectProgrammable inner) : ICrossConnectProgrammable
{
    /// <summary>Apply runs on the device, then fails as if the response timed out.</summary>
    public bool LoseApplyResponse { get; set; }

    /// <summary>Remove fails without reaching the device.</summary>
    public bool FailRemove { get; set; }

    public async Task ApplyAsync(CrossConnect connection, CancellationToken cancellationToken = default)
    {
        await inner.ApplyAsync(connection, cancellationToken);
        if (LoseApplyResponse)
        {
            throw new DeviceException(name, "ENT-CRS: no response within 10 s", isTransient: true);
        }
    }

    public Task RemoveAsync(CrossConnect connection, CancellationToken cancellationToken = default) =>
        FailRemove ? Task.FromException(new DeviceException(name, "DLT-CRS: connection lost", isTransient: true)) : inner.RemoveAsync(connection, cancellationToken);

    public Task<IReadOnlyList<CrossConnectState>> ReadCrossConnectsAsync(CancellationToken cancellationToken = default) =>
        inner.ReadCrossConnectsAsync(cancellationToken);

    public CrossConnect Canonical(CrossConnect connection) => inner.Canonical(connection);
}

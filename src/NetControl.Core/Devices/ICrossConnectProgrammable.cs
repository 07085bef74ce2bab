namespace NetControl.Core.Devices;

/// <summary>
/// A switch whose cross-connects can be made, broken and read back. Apply and remove return when the device
/// accepted the command; <see cref="ReadCrossConnectsAsync"/> is device truth, which callers use to verify.
/// Failures are <see cref="DeviceException"/>s carrying the device's error code.
/// </summary>
public interface ICrossConnectProgrammable
{
    Task ApplyAsync(CrossConnect connection, CancellationToken cancellationToken = default);

    Task RemoveAsync(CrossConnect connection, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CrossConnectState>> ReadCrossConnectsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Device truth about <paramref name="connections"/> only: each of them the device has is in the result (in
    /// <see cref="Canonical"/> form), with whatever else the device reports at their ports. Read after every command
    /// this driver sent before the call, like <see cref="ReadCrossConnectsAsync(CancellationToken)"/>; a driver that
    /// can ask its device about single ports reads far less than the whole table (what verification needs).
    /// </summary>
    Task<IReadOnlyList<CrossConnectState>> ReadCrossConnectsAsync(IReadOnlyCollection<CrossConnect> connections, CancellationToken cancellationToken = default) =>
        ReadCrossConnectsAsync(cancellationToken);

    /// <summary>
    /// The form in which <see cref="ReadCrossConnectsAsync"/> reports <paramref name="connection"/> (a duplex
    /// connection can be named from either end), so that intent and device truth compare with <c>==</c>.
    /// </summary>
    CrossConnect Canonical(CrossConnect connection);
}

namespace NetControl.Orchestration.Lightpaths;

/// <summary>
/// Configures the end hosts of a lightpath that asked for it (<see cref="LightpathRequest.ConfigureHosts"/>): after its
/// cross-connects are made and verified, and before it is called Active; and puts them back when it is released.
/// A failure is a <see cref="NetControl.Core.NetControlException"/> whose message says which host and why: the
/// lightpath's cross-connects are then removed and it fails with that cause.
/// </summary>
public interface ILightpathHostConfigurer
{
    Task ConfigureAsync(LightpathRecord lightpath, CancellationToken cancellationToken);

    /// <summary>
    /// The lightpath moved to a path of another latency (restoration, reroute, revert, 1+1 switchover): what depends
    /// on the path (TCP buffers sized for bandwidth x RTT) is sized again for its active leg. <see cref="RestoreAsync"/>
    /// still puts the hosts back as they were before the lightpath.
    /// </summary>
    Task RetuneAsync(LightpathRecord lightpath, CancellationToken cancellationToken);

    /// <summary>Undoes <see cref="ConfigureAsync"/> and any <see cref="RetuneAsync"/> (best effort: a release is not held up by an unreachable host; the failure is logged).</summary>
    Task RestoreAsync(LightpathRecord lightpath, CancellationToken cancellationToken);
}

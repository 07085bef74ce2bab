namespace NetControl.Core.Topology;

/// <summary>What a topology node is.</summary>
public enum NodeKind
{
    /// <summary>A point of presence or campus: a place that holds equipment.</summary>
    Site,

    /// <summary>A photonic (all-optical) cross-connect such as a Glimmerglass or Calient switch.</summary>
    OpticalSwitch,

    /// <summary>An IP router or Ethernet switch.</summary>
    Router,

    /// <summary>A transfer endpoint (a data mover, a storage server).</summary>
    Host,

    /// <summary>A videoconference reflector in an overlay.</summary>
    Reflector,
}

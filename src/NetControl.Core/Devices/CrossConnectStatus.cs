namespace NetControl.Core.Devices;

/// <summary>Health of a cross-connect as the device reports it.</summary>
public enum CrossConnectStatus
{
    /// <summary>Connected and carrying light (Glimmerglass CONNSTATE=steady, Calient OC=OK).</summary>
    Ok,

    /// <summary>Connected but the device reports a fault or no light.</summary>
    Faulty,

    /// <summary>Connected; the device does not say whether light passes.</summary>
    Unknown,
}

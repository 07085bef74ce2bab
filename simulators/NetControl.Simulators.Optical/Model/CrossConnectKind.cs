namespace NetControl.Simulators.Optical.Model;

/// <summary>Which directions a cross-connect carries.</summary>
public enum CrossConnectKind
{
    /// <summary>Light entering From leaves by To (every Glimmerglass connection; a Calient 1WAY).</summary>
    OneWay,

    /// <summary>Both directions between two bidirectional ports (a Calient 2WAY).</summary>
    TwoWay,
}

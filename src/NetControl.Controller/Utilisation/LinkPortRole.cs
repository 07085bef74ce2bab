namespace NetControl.Controller.Utilisation;

/// <summary>
/// What one switch port measures of one link: the link, whether the port is at the link's A end, and whether it
/// counts the light the end receives (ifHCInOctets: traffic towards this end) or transmits (ifHCOutOctets: traffic
/// away from it). A bidirectional port has both roles.
/// </summary>
public readonly record struct LinkPortRole(string LinkId, bool AtA, bool Receives)
{
    /// <summary>True when the counted traffic flows from A to B.</summary>
    public bool CountsAToB => AtA != Receives;
}

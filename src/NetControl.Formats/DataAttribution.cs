namespace NetControl.Formats;

/// <summary>How to cite the public data sets the loaders read; kept in each loaded topology's attribution.</summary>
public static class DataAttribution
{
    public const string TopologyZoo =
        "The Internet Topology Zoo (CC BY 4.0): S. Knight, H. X. Nguyen, N. Falkner, R. Bowden, M. Roughan, " +
        "\"The Internet Topology Zoo\", IEEE JSAC 29(9):1765-1775, 2011, doi 10.1109/JSAC.2011.111002.";

    public const string Sndlib =
        "SNDlib 1.0, Zuse Institute Berlin: S. Orlowski, M. Pioro, A. Tomaszewski, R. Wessaly, " +
        "\"SNDlib 1.0 - Survivable Network Design Library\", Networks 55(3), 2010.";
}

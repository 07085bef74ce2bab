namespace NetControl.Formats.GraphMl;

/// <summary>Attribute names of the Internet Topology Zoo that map to model fields rather than to free-form attributes.</summary>
internal static class ZooNames
{
    public const string Label = "label";
    public const string Latitude = "Latitude";
    public const string Longitude = "Longitude";
    public const string Internal = "Internal";
    public const string LinkLabel = "LinkLabel";
    public const string LinkSpeedRaw = "LinkSpeedRaw";
    public const string Network = "Network";
    public const string GeoLocation = "GeoLocation";
    public const string NetworkDate = "NetworkDate";

    /// <summary>Set to "true" on links read from directed edges (they are loaded as undirected links).</summary>
    public const string Directed = "directed";
}

namespace NetControl.Formats.Yaml;

/// <summary>The keys each mapping of the native YAML format allows; anything else is an error naming these.</summary>
internal static class YamlKeys
{
    public const string FormatVersion = "netcontrol-topology/1";

    public static readonly string[] TopLevel = ["format", "name", "description", "attribution", "srlgs", "nodes", "links", "demands"];

    public static readonly string[] Srlg = ["id", "description"];

    public static readonly string[] Node = ["id", "kind", "label", "location", "site", "vendor", "external", "srlgs", "attributes", "ports"];

    public static readonly string[] Location = ["lat", "lon"];

    public static readonly string[] Port = ["name", "direction", "pair", "admin"];

    public static readonly string[] PortRangeItem = ["range"];

    public static readonly string[] PortRange = ["bidirectional", "input", "output"];

    public static readonly string[] Link = ["id", "a", "b", "length-km", "latency-ms", "capacity", "srlgs", "admin", "label", "attributes"];

    public static readonly string[] Endpoint = ["node", "port"];

    public static readonly string[] Demand = ["id", "from", "to", "value", "max-hops"];
}

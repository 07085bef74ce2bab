using NetControl.Core;
using NetControl.Core.Topology;
using NetControl.Formats;
using NetControl.Formats.Configuration;

namespace NetControl.Controller.Configuration;

/// <summary>A topology file named in the configuration, loaded now so that a bad file fails at its key.</summary>
internal static class ConfigTopology
{
    public static (string Path, NetworkTopology Topology) Load(ConfigMap map, string key)
    {
        string path = map.Source.ResolvePath(map.RequiredString(key));
        try
        {
            return (path, TopologyFile.Load(path));
        }
        catch (NetControlException ex)
        {
            throw map.Source.Error(map.Required(key), map.Child(key), ex.Message, ex);
        }
    }
}

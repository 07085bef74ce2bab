namespace NetControl.Formats;

/// <summary>The topology file formats NetControl reads.</summary>
public enum TopologyFormat
{
    /// <summary>The native YAML format documented in <c>topology/README.md</c>.</summary>
    Yaml,

    /// <summary>Internet Topology Zoo GraphML.</summary>
    GraphMl,

    /// <summary>SNDlib native text format.</summary>
    Sndlib,
}

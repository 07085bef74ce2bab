namespace NetControl.Formats;

/// <summary>Bounds on what the loaders accept, so a corrupt or hostile file fails cleanly instead of exhausting memory.</summary>
public static class InputLimits
{
    /// <summary>Largest topology file read (64 MiB; the 754-node Topology Zoo KDL file is under 1 MiB).</summary>
    public const int MaxTopologyBytes = 64 * 1024 * 1024;

    /// <summary>Deepest nesting of YAML mappings and sequences (the format itself needs 5 levels).</summary>
    public const int MaxYamlDepth = 32;

    /// <summary>Most ports one <c>range</c> entry of a YAML node may expand to.</summary>
    public const int MaxPortsPerRange = 4096;

    /// <summary>Most ports a YAML topology may declare in all (ranges multiply a short file into many ports).</summary>
    public const int MaxPortsPerTopology = 262_144;
}

namespace NetControl.Benchmarking.Workloads;

/// <summary>Which vendor <see cref="PhotonicNetworkBuilder"/> gives each switch.</summary>
public enum PhotonicVendorPolicy
{
    /// <summary>By node index: even is Calient, odd is Glimmerglass, so both dialects meet on most paths.</summary>
    Alternate,

    /// <summary>Every switch is a Calient (bidirectional ports <c>1.1a.N</c>).</summary>
    AllCalient,

    /// <summary>Every switch is a Glimmerglass (input <c>1xxxx</c> / output <c>2xxxx</c> pairs, at most 9999 a switch).</summary>
    AllGlimmerglass,
}

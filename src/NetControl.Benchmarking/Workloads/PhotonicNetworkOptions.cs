namespace NetControl.Benchmarking.Workloads;

/// <summary>How <see cref="PhotonicNetworkBuilder"/> turns a site network into a photonic one.</summary>
public sealed record PhotonicNetworkOptions
{
    /// <summary>Parallel fibres in the cable of each site link; each fibre is a link between two switch ports.</summary>
    public int FibresPerLink { get; init; } = 8;

    /// <summary>Unlinked ports per switch where lightpaths start and end.</summary>
    public int AddDropPortsPerSite { get; init; } = 16;

    /// <summary>Which vendor each switch is.</summary>
    public PhotonicVendorPolicy Vendor { get; init; } = PhotonicVendorPolicy.Alternate;

    /// <summary>Name of the photonic topology; the site topology's name with a <c>-photonic</c> suffix when null.</summary>
    public string? Name { get; init; }
}

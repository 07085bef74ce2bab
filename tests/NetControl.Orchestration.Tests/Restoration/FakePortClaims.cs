using NetControl.Core.Topology;
using NetControl.Orchestration.Restoration;

namespace NetControl.Orchestration.Tests.Restoration;

/// <summary>Claims set by a test: which lightpath expects light at a port, and since when.</summary>
internal sealed class FakePortClaims : IPortClaims
{
    private readonly Dictionary<PortRef, (string Id, DateTimeOffset Since)> _claims = [];
    private readonly Dictionary<PortRef, PortRef> _feeds = [];

    /// <summary>A duplex cross-connect between two receive ports of one switch: each feeds the other's fibre.</summary>
    public void Connect(PortRef a, PortRef b)
    {
        _feeds[a] = b;
        _feeds[b] = a;
    }

    public void Claim(string id, DateTimeOffset since, params PortRef[] ports)
    {
        foreach (var port in ports)
        {
            _claims[port] = (id, since);
        }
    }

    public void Release(params PortRef[] ports)
    {
        foreach (var port in ports)
        {
            _claims.Remove(port);
        }
    }

    public PortRef? FeedOf(PortRef port, DateTimeOffset asOf) => ClaimantAt(port, asOf) is not null && _feeds.TryGetValue(port, out var feed) ? feed : null;

    public string? ClaimantAt(PortRef port, DateTimeOffset asOf) =>
        _claims.TryGetValue(port, out var claim) && claim.Since <= asOf ? claim.Id : null;
}

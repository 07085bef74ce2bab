using System.Net;

namespace NetControl.Simulators.Network.Links;

/// <summary>One link of an <see cref="EmulatedNetwork"/>: its id, where forwarded datagrams go, and what it does to them.</summary>
public sealed record EmulatedLinkDefinition(string Id, IPEndPoint Target, LinkSettings Settings);

namespace NetControl.Simulators.Network.Namespaces;

/// <summary>A running iperf3 UDP flow between the two namespaces (server on one side, client on the other). Disposing stops both.</summary>
public sealed class IperfCrossTraffic : IAsyncDisposable
{
    internal IperfCrossTraffic(NamespaceProcess server, NamespaceProcess client)
    {
        Server = server;
        Client = client;
    }

    public NamespaceProcess Server { get; }

    public NamespaceProcess Client { get; }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync().ConfigureAwait(false);
        await Server.DisposeAsync().ConfigureAwait(false);
    }
}

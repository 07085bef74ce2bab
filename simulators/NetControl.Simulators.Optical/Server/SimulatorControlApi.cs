using System.Net;
using System.Text;
using System.Text.Json;
using NetControl.Simulators.Optical.Model;

namespace NetControl.Simulators.Optical.Server;

/// <summary>
/// The simulator's loopback HTTP control API, behind <c>netctl sim cut|repair LINK</c>:
/// <c>POST /links/{id}/cut</c>, <c>POST /links/{id}/repair</c> (200 with <c>{"link","cut"}</c>, 404 for an unknown
/// link) and <c>GET /state</c> (cut links and switches). Errors are JSON <c>{"error": "..."}</c>.
/// </summary>
internal sealed class SimulatorControlApi : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly SimulatedNetwork _network;
    private readonly Task _loop;

    private SimulatorControlApi(SimulatedNetwork network, int port)
    {
        _network = network;
        Address = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Address.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Address { get; }

    public static SimulatorControlApi Start(SimulatedNetwork network, int port) => new(network, port);

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                var (status, body) = Handle(context.Request.HttpMethod, context.Request.Url?.AbsolutePath ?? "/");
                await WriteAsync(context.Response, status, body).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The client went away.
            }
        }
    }

    private (int Status, string Body) Handle(string method, string path)
    {
        string[] parts = path.Trim('/').Split('/');
        if (method == "GET" && parts is ["state"])
        {
            return (200, State());
        }

        if (method == "POST" && parts is ["links", var id, "cut" or "repair"])
        {
            string link = Uri.UnescapeDataString(id);
            if (!_network.Topology.Links.Any(l => l.Id == link))
            {
                return (404, Error($"no link '{link}' in topology '{_network.Topology.Name}'"));
            }

            bool cut = parts[2] == "cut";
            if (cut)
            {
                _network.Faults.CutLink(link);
            }
            else
            {
                _network.Faults.RepairLink(link);
            }

            return (200, Json(w =>
            {
                w.WriteString("link", link);
                w.WriteBoolean("cut", _network.Faults.IsCut(link));
            }));
        }

        return (404, Error($"no such endpoint: {method} {path} (try POST /links/ID/cut, POST /links/ID/repair, GET /state)"));
    }

    private string State() => Json(w =>
    {
        w.WriteStartArray("cutLinks");
        foreach (string link in _network.Faults.CutLinks)
        {
            w.WriteStringValue(link);
        }

        w.WriteEndArray();
        w.WriteStartArray("switches");
        foreach (var sw in _network.Switches)
        {
            w.WriteStringValue(sw.Name);
        }

        w.WriteEndArray();
    });

    private static string Error(string message) => Json(w => w.WriteString("error", message));

    private static string Json(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, string body)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body + "\n");
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        response.Close();
    }
}

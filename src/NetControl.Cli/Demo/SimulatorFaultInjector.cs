using NetControl.Cli.Commands;
using NetControl.Controller.Dashboard;

namespace NetControl.Cli.Demo;

/// <summary>The demo's dashboard "cut" and "repair": the optical simulator's control API, as <c>netctl sim cut|repair</c> uses it.</summary>
internal sealed class SimulatorFaultInjector(Uri control) : IFibreFaultInjector, IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task InjectAsync(string linkId, bool repair, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await SimCommand.PostLinkAsync(_http, control, linkId, repair ? "repair" : "cut", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new FibreFaultException($"the optical simulator at {control} did not answer: {ex.Message}", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                throw new FibreFaultException($"the optical simulator refused to {(repair ? "repair" : "cut")} {linkId}: {(int)response.StatusCode} {body.ReplaceLineEndings(" ")}");
            }
        }
    }

    public void Dispose() => _http.Dispose();
}

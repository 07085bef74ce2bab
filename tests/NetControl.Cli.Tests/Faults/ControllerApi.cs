using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using NetControl.Controller.Api.Dtos;
using NetControl.Controller.Api.Json;
using NetControl.Core.Lightpaths;

namespace NetControl.Cli.Tests.Faults;

/// <summary>The controller's REST API as an operator: request, show, list and release lightpaths.</summary>
internal sealed class ControllerApi : IDisposable
{
    private const string Lightpaths = "/api/v1/lightpaths";
    private readonly HttpClient _http;

    public ControllerApi(Uri address, string operatorToken)
    {
        _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", operatorToken);
    }

    /// <summary>The state of a lightpath as the API names it.</summary>
    public static LightpathState State(LightpathDto lightpath) =>
        EnumNames<LightpathState>.TryParse(lightpath.State, out var state) ? state : throw new InvalidDataException($"{lightpath.Id}: unknown state '{lightpath.State}'");

    /// <summary>Whether the API answers GET /api/v1/lightpaths with 200 (false while it is not listening yet).</summary>
    public async Task<bool> AnswersAsync()
    {
        try
        {
            using var response = await _http.GetAsync(Lightpaths);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<LightpathDto>> ListAsync() =>
        (await _http.GetFromJsonAsync<ItemsDto<LightpathDto>>(Lightpaths, ApiJson.Options))!.Items;

    public async Task<LightpathDto> GetAsync(string id) =>
        (await _http.GetFromJsonAsync<LightpathDto>($"{Lightpaths}/{Uri.EscapeDataString(id)}", ApiJson.Options))!;

    /// <summary>POST {from, to}: 202 with the new lightpath.</summary>
    public async Task<LightpathDto> RequestAsync(string from, string to)
    {
        using var response = await _http.PostAsJsonAsync(Lightpaths, new { from, to });
        return await AcceptedAsync(response);
    }

    /// <summary>DELETE: 202 with the lightpath, releasing in the background.</summary>
    public async Task<LightpathDto> ReleaseAsync(string id)
    {
        using var response = await _http.DeleteAsync($"{Lightpaths}/{Uri.EscapeDataString(id)}");
        return await AcceptedAsync(response);
    }

    public void Dispose() => _http.Dispose();

    private static async Task<LightpathDto> AcceptedAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}", null, response.StatusCode);
        }

        return (await response.Content.ReadFromJsonAsync<LightpathDto>(ApiJson.Options))!;
    }
}

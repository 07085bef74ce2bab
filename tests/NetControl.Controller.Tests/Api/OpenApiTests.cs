using System.Net;
using System.Text.Json;
using NetControl.Controller.Tests.Support;

namespace NetControl.Controller.Tests.Api;

/// <summary>The OpenAPI document at /openapi/v1.json lists every API path.</summary>
public sealed class OpenApiTests : IAsyncLifetime
{
    private ApiHarness _api = null!;

    public async Task InitializeAsync() => _api = await ApiHarness.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task OpenApiDocument_ListsEveryPathAndMethod()
    {
        using var response = await _api.SendAsync(HttpMethod.Get, "/openapi/v1.json", token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths");
        var expected = new Dictionary<string, string[]>
        {
            ["/api/v1/lightpaths"] = ["get", "post"],
            ["/api/v1/lightpaths/{id}"] = ["get", "delete", "patch"],
            ["/api/v1/lightpaths/{id}/renew"] = ["post"],
            ["/api/v1/lightpaths/{id}/reroute"] = ["post"],
            ["/api/v1/lightpaths/{id}/events"] = ["get"],
            ["/api/v1/paths/what-if"] = ["post"],
            ["/api/v1/cost"] = ["get"],
            ["/api/v1/topology"] = ["get"],
            ["/api/v1/links"] = ["get"],
            ["/api/v1/restoration"] = ["get", "put"],
        };
        foreach (var (path, methods) in expected)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"missing {path}");
            foreach (string method in methods)
            {
                Assert.True(item.TryGetProperty(method, out _), $"missing {method} {path}");
            }
        }

        Assert.True(paths.GetProperty("/api/v1/lightpaths").GetProperty("post").TryGetProperty("requestBody", out _));
    }
}

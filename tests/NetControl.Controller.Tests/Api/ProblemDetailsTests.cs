using System.Net;
using NetControl.Controller.Tests.Support;

namespace NetControl.Controller.Tests.Api;

/// <summary>Every refusal is an RFC 7807 problem whose detail says what failed, in one line.</summary>
public sealed class ProblemDetailsTests : IAsyncLifetime
{
    private ApiHarness _api = null!;

    public async Task InitializeAsync() => _api = await ApiHarness.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Theory]
    [InlineData("{ \"from\": ", "the body is not valid JSON")]
    [InlineData("[1, 2]", "the body is a JSON array; expected a JSON object")]
    [InlineData("{ \"to\": \"caltech-fdt\" }", "field 'from' is required")]
    [InlineData("{ \"from\": \"cern-fdt\", \"to\": \"caltech-fdt\", \"leaseSeconds\": \"thirty\" }", "field 'leaseSeconds' has the wrong type (expected a number)")]
    [InlineData("{ \"from\": \"cern-fdt\", \"to\": \"caltech-fdt\", \"protection\": \"2+2\" }", "field 'protection': '2+2' is not one of none, restorable, 1+1")]
    [InlineData("{ \"from\": \"cern-fdt\", \"to\": \"caltech-fdt\", \"bandwidth\": \"fast\" }", "field 'bandwidth': 'fast' is not a data rate")]
    [InlineData("{ \"from\": \"cern-fdt\", \"to\": \"caltech-fdt\", \"start\": \"tomorrow\" }", "field 'start': 'tomorrow' is not an ISO-8601 time")]
    [InlineData("{ \"from\": \"cern-fdt\", \"to\": \"caltech-fdt\", \"constraints\": { \"maxLatencyMs\": -1 } }", "field 'constraints.maxLatencyMs': -1 is not a positive number")]
    [InlineData("{ \"from\": \"cern-fdt\", \"to\": \"caltech-fdt\", \"protecton\": \"none\" }", "unknown field 'protecton'")]
    public async Task PostLightpath_BadBody_Is400NamingTheField(string body, string expected)
    {
        using var response = await _api.SendAsync(HttpMethod.Post, "/api/v1/lightpaths", ApiHarness.OperatorToken, body);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "invalid-request");
        Assert.StartsWith(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("/api/v1/lightpaths", problem.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task PostLightpath_UnknownEndpoint_Is400UnknownEndpoint()
    {
        using var response = await _api.SendAsync(HttpMethod.Post, "/api/v1/lightpaths", ApiHarness.OperatorToken, """{ "from": "nowhere", "to": "caltech-fdt" }""");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "unknown-endpoint");
        Assert.Contains("'nowhere'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostLightpath_EndBeforeStart_Is400BadTimeWindow()
    {
        using var response = await _api.SendAsync(HttpMethod.Post, "/api/v1/lightpaths", ApiHarness.OperatorToken,
            """{ "from": "cern-fdt", "to": "caltech-fdt", "start": "2026-11-24T10:00:00Z", "end": "2026-11-24T09:00:00Z" }""");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "bad-time-window");
        Assert.Contains("before it starts", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/v1/lightpaths/lp-404")]
    [InlineData("DELETE", "/api/v1/lightpaths/lp-404")]
    [InlineData("POST", "/api/v1/lightpaths/lp-404/renew")]
    [InlineData("GET", "/api/v1/lightpaths/lp-404/events")]
    public async Task UnknownId_Is404NotFound(string method, string path)
    {
        using var response = await _api.SendAsync(new HttpMethod(method), path, ApiHarness.AdminToken);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Equal("no lightpath 'lp-404'", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Reroute_NotActive_Is409InvalidState()
    {
        var record = await _api.Service.RequestAsync(new() { From = "cern-fdt", To = "caltech-fdt" }, "otto");

        using var response = await _api.SendAsync(HttpMethod.Post, $"/api/v1/lightpaths/{record.Id}/reroute", ApiHarness.OperatorToken);

        await Problem.AssertAsync(response, HttpStatusCode.Conflict, "invalid-state");
    }

    [Fact]
    public async Task UnknownRoute_Is404Problem()
    {
        using var response = await _api.SendAsync(HttpMethod.Get, "/api/v1/circuits", ApiHarness.ViewerToken);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.NotFound, "no-such-route");
        Assert.Equal("no API route GET /api/v1/circuits", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task WrongMethod_Is405Problem()
    {
        using var response = await _api.SendAsync(HttpMethod.Put, "/api/v1/lightpaths", ApiHarness.AdminToken, "{}");

        await Problem.AssertAsync(response, HttpStatusCode.MethodNotAllowed, "method-not-allowed");
    }

    [Fact]
    public async Task Patch_MissingEnd_Is400()
    {
        var record = await _api.Service.RequestAsync(new() { From = "cern-fdt", To = "caltech-fdt" }, "otto");

        using var response = await _api.SendAsync(HttpMethod.Patch, $"/api/v1/lightpaths/{record.Id}", ApiHarness.OperatorToken, "{}");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "invalid-request");
        Assert.StartsWith("field 'end' is required", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cost_MissingTo_Is400()
    {
        using var response = await _api.SendAsync(HttpMethod.Get, "/api/v1/cost?from=cern-fdt", ApiHarness.ViewerToken);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal("field 'to' is required", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task PutRestoration_MissingFrozen_Is400()
    {
        using var response = await _api.SendAsync(HttpMethod.Put, "/api/v1/restoration", ApiHarness.AdminToken, "{}");

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "invalid-request");
    }
}

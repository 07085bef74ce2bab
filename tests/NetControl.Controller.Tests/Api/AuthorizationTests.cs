using System.Net;
using NetControl.Controller.Tests.Support;

namespace NetControl.Controller.Tests.Api;

/// <summary>Bearer tokens and roles: viewer reads, operator changes lightpaths, admin controls restoration.</summary>
public sealed class AuthorizationTests : IAsyncLifetime
{
    private const string Request = """{ "from": "cern-fdt", "to": "caltech-fdt" }""";

    private ApiHarness _api = null!;

    public async Task InitializeAsync() => _api = await ApiHarness.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Get_NoToken_Is401Problem()
    {
        using var response = await _api.SendAsync(HttpMethod.Get, "/api/v1/lightpaths", token: null);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains("bearer token", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Get_UnknownToken_Is401Problem()
    {
        using var response = await _api.SendAsync(HttpMethod.Get, "/api/v1/topology", token: "not-a-token");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.DoesNotContain("not-a-token", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ApiHarness.ViewerToken)]
    [InlineData(ApiHarness.OperatorToken)]
    [InlineData(ApiHarness.AdminToken)]
    public async Task Get_AnyRole_Is200(string token)
    {
        using var response = await _api.SendAsync(HttpMethod.Get, "/api/v1/lightpaths", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_Viewer_Is403Problem()
    {
        using var response = await _api.SendAsync(HttpMethod.Post, "/api/v1/lightpaths", ApiHarness.ViewerToken, Request);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("this needs role 'operator'; the token has role 'viewer'", problem.GetProperty("detail").GetString());
        Assert.Empty(_api.Service.List());
    }

    [Fact]
    public async Task Post_Operator_Is202WithOwner()
    {
        using var response = await _api.SendAsync(HttpMethod.Post, "/api/v1/lightpaths", ApiHarness.OperatorToken, Request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("otto", Assert.Single(_api.Service.List()).Owner);
    }

    [Fact]
    public async Task Delete_Viewer_Is403()
    {
        var record = await _api.Service.RequestAsync(new() { From = "cern-fdt", To = "caltech-fdt" }, "otto");

        using var response = await _api.SendAsync(HttpMethod.Delete, $"/api/v1/lightpaths/{record.Id}", ApiHarness.ViewerToken);

        await Problem.AssertAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task PutRestoration_Operator_Is403()
    {
        using var response = await _api.SendAsync(HttpMethod.Put, "/api/v1/restoration", ApiHarness.OperatorToken, """{ "frozen": true }""");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Contains("'admin'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(_api.Service.RestorationFrozen);
    }

    [Fact]
    public async Task PutRestoration_Admin_FreezesAndGetShowsIt()
    {
        using var put = await _api.SendAsync(HttpMethod.Put, "/api/v1/restoration", ApiHarness.AdminToken, """{ "frozen": true }""");
        using var get = await _api.SendAsync(HttpMethod.Get, "/api/v1/restoration", ApiHarness.ViewerToken);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.True(_api.Service.RestorationFrozen);
        Assert.Equal("""{"frozen":true}""", await get.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PostRepaired_AdminOperatorAndUnknownLink_RepairedForbiddenOrProblem()
    {
        using var forbidden = await _api.SendAsync(HttpMethod.Post, "/api/v1/links/CHI-CIT-I2/repaired", ApiHarness.OperatorToken);
        using var repaired = await _api.SendAsync(HttpMethod.Post, "/api/v1/links/CHI-CIT-I2/repaired", ApiHarness.AdminToken);
        using var unknown = await _api.SendAsync(HttpMethod.Post, "/api/v1/links/NOPE/repaired", ApiHarness.AdminToken);

        await Problem.AssertAsync(forbidden, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, repaired.StatusCode);
        Assert.Contains("\"id\":\"CHI-CIT-I2\"", await repaired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (link, cause) = Assert.Single(_api.Service.Repaired);
        Assert.Equal("CHI-CIT-I2", link);
        Assert.Contains("reported repaired by", cause, StringComparison.Ordinal);
        var problem = await Problem.AssertAsync(unknown, HttpStatusCode.BadRequest, "invalid-request");
        Assert.Contains("no link 'NOPE'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Release_AnotherOperatorsLightpath_Is403AndTheOwnerOrAnAdminMay()
    {
        using var post = await _api.SendAsync(HttpMethod.Post, "/api/v1/lightpaths", ApiHarness.OperatorToken, Request);
        string id = System.Text.Json.JsonDocument.Parse(await post.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        using var other = await _api.SendAsync(HttpMethod.Delete, $"/api/v1/lightpaths/{id}", ApiHarness.OtherOperatorToken);
        using var renew = await _api.SendAsync(HttpMethod.Post, $"/api/v1/lightpaths/{id}/renew", ApiHarness.OtherOperatorToken);
        var problem = await Problem.AssertAsync(other, HttpStatusCode.Forbidden, "forbidden");
        Assert.Contains("belongs to 'otto'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("you are 'olga'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Problem.AssertAsync(renew, HttpStatusCode.Forbidden, "forbidden");

        using var admin = await _api.SendAsync(HttpMethod.Delete, $"/api/v1/lightpaths/{id}", ApiHarness.AdminToken);
        Assert.Equal(HttpStatusCode.Accepted, admin.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_NoToken_IsServed()
    {
        using var response = await _api.SendAsync(HttpMethod.Get, "/openapi/v1.json", token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetControl.Controller.Api.Problems;

namespace NetControl.Controller.Security;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c> against the configured tokens. Challenges (401) and refusals (403)
/// answer with problem details. Tokens are never logged.
/// </summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<TokenAuthenticationOptions> options,
    ILoggerFactory loggers,
    UrlEncoder encoder,
    TokenTable tokens)
    : AuthenticationHandler<TokenAuthenticationOptions>(options, loggers, encoder)
{
    public const string RoleClaim = "netcontrol:role";

    private const string Prefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.Fail("the Authorization header is not a bearer token"));
        }

        var token = tokens.Find(header[Prefix.Length..].Trim());
        if (token is null)
        {
            SecurityLog.UnknownToken(Logger, Request.Method, Request.Path);
            return Task.FromResult(AuthenticateResult.Fail("unknown token"));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, token.Name), new Claim(RoleClaim, token.Role.ToName())],
            TokenAuthenticationOptions.Scheme);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), TokenAuthenticationOptions.Scheme);
        return Task.FromResult(AuthenticateResult.Success(ticket));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        string detail = Request.Headers.Authorization.Count == 0
            ? "this endpoint needs a bearer token (Authorization: Bearer <token>)"
            : "the bearer token is not valid";
        await ProblemWriter.WriteAsync(Context, ProblemKind.Unauthorized, detail).ConfigureAwait(false);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        string role = Context.User.FindFirst(RoleClaim)?.Value ?? "none";
        string needed = Context.GetEndpoint()?.Metadata.GetMetadata<RequiredRole>()?.Role.ToName() ?? "a higher role";
        await ProblemWriter.WriteAsync(Context, ProblemKind.Forbidden, $"this needs role '{needed}'; the token has role '{role}'").ConfigureAwait(false);
    }
}

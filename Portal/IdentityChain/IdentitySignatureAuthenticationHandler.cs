using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NutPortal.Core.Identity;
using NutPortal.Core.IdentityChain;
using NutPortal.Web.Api;

namespace NutPortal.Web.IdentityChain;

/// <summary>
/// The JSON-RPC gateway without an API token: <c>Authorization: Identity challenge=&lt;nonce&gt;, signature=&lt;0x…&gt;</c>,
/// the answer to a sign-in challenge (<c>POST /account/identity/challenge</c>) of an identity whose chain grants
/// sign-in. The answer is checked against the registry like a sign-in and used up, so each request carries a fresh
/// one; the caller then acts as the identity's user. A locked-out user, a wrong signature, a suspended or revoked
/// identity or a used challenge get 401 with the reason.
/// </summary>
internal sealed class IdentitySignatureAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IdentityAnswers answers, UserManager<PortalUser> users, IUserClaimsPrincipalFactory<PortalUser> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Identity";

    /// <summary>The gateway's scheme: an Identity header goes to this handler, anything else to the API token's.</summary>
    public const string GatewaySchemeName = "GatewayCaller";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Read(Request) is not { } answer)
        {
            return AuthenticateResult.NoResult();
        }
        var verdict = await answers.CheckAsync(answer.Challenge, answer.Signature, ChallengePurpose.SignIn, IdentityPermissions.SignIn, _ => null, Context.RequestAborted);
        if (verdict.Identity is null)
        {
            return AuthenticateResult.Fail($"{verdict.Rule}: {verdict.Reason}");
        }
        var user = await users.FindByIdAsync(verdict.Identity.UserId);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("The identity's user is locked out or gone.");
        }
        var template = (ClaimsIdentity)(await principals.CreateAsync(user)).Identity!;
        var identity = new ClaimsIdentity(template.Claims, SchemeName, template.NameClaimType, template.RoleClaimType);
        identity.AddClaim(new Claim("chain_identity", verdict.Identity.Id));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>The challenge and signature of an <c>Identity</c> Authorization header, or null when there is none.</summary>
    public static (string Challenge, string Signature)? Read(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        // The first of each named part counts; anything else in the header is ignored (a repeated name is not an error page).
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in header[(SchemeName.Length + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Split('=', 2) is [var name, var value])
            {
                parts.TryAdd(name.Trim().ToLowerInvariant(), value.Trim().Trim('"'));
            }
        }
        return (parts.GetValueOrDefault("challenge") ?? "", parts.GetValueOrDefault("signature") ?? "");
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer, Identity";
        var result = await HandleAuthenticateOnceSafeAsync();
        await ProblemResponses.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Not authenticated",
            result.Failure?.Message ?? "Send an API token (Authorization: Bearer np_…) or an identity's answer to a sign-in challenge (Authorization: Identity challenge=…, signature=0x…).");
    }
}

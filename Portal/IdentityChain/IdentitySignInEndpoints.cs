using Microsoft.AspNetCore.Identity;
using NutPortal.Core.Identity;
using NutPortal.Core.IdentityChain;

namespace NutPortal.Web.IdentityChain;

/// <summary>
/// Sign-in by identity signature: <c>POST /account/identity/challenge</c> {identityId} gives a sign-in challenge;
/// <c>POST /account/identity/sign-in</c> {challenge, signature} checks the answer against the registry and signs in
/// the identity's user with the normal cookie. A wrong signature counts as a failed sign-in (lockout applies), and a
/// locked-out or removed user is not signed in.
/// </summary>
internal static class IdentitySignInEndpoints
{
    public static void MapIdentitySignIn(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/account/identity").AllowAnonymous().DisableAntiforgery().WithTags("Identity chains");
        account.MapPost("/challenge", async (SignInChallengeRequest request, IdentityChallengeIssuer issuer, CancellationToken ct) =>
            await IdentityChainEndpoints.RunAsync(async () => Results.Ok(await issuer.IssueSignInAsync(request.IdentityId, ct))))
            .WithSummary("A sign-in challenge for an identity whose chain grants sign-in");

        account.MapPost("/sign-in", async (SignInAnswer answer, IdentitySignIn signIn, CancellationToken ct) =>
        {
            var outcome = await signIn.SignInAsync(answer, ct);
            return outcome.Email is { } email
                ? Results.Ok(new { user = email, identity = outcome.Identity })
                : Results.Problem(outcome.Problem, statusCode: outcome.Status, title: "Not signed in", extensions: new Dictionary<string, object?> { ["rule"] = outcome.Rule });
        })
            .WithSummary("Answer a sign-in challenge; on success the identity's user gets the portal's sign-in cookie");
    }
}

/// <summary>Signed in (the user's e-mail and the identity's address), or why not (status, reason, rule).</summary>
public sealed record SignInOutcome(string? Email, string? Identity, int Status, string? Problem, string? Rule);

/// <summary>Checks a sign-in answer and signs the identity's user in.</summary>
public sealed class IdentitySignIn(IdentityAnswers answers, IdentityChallenges challenges, UserManager<PortalUser> users, SignInManager<PortalUser> signIn, ILogger<IdentitySignIn> logger)
{
    public async Task<SignInOutcome> SignInAsync(SignInAnswer answer, CancellationToken ct)
    {
        // The user is known from the challenge before the signature is checked, so a locked-out user is refused first
        // and a wrong signature counts against them.
        var challenge = await challenges.FindAsync(answer.Challenge, ct);
        var user = challenge?.IdentityId is null ? null : await UserOfAsync(challenge.IdentityId, ct);
        if (user is not null && await users.IsLockedOutAsync(user))
        {
            return new(null, null, StatusCodes.Status423Locked, "This account is locked after repeated failed sign-ins. Try again in a few minutes or ask an admin to unlock it.", null);
        }
        var verdict = await answers.CheckAsync(answer.Challenge, answer.Signature, ChallengePurpose.SignIn, IdentityPermissions.SignIn, _ => null, ct);
        if (verdict.Identity is null || user is null || verdict.Identity.UserId != user.Id)
        {
            if (user is not null && verdict.Rule == IdentityRules.SignatureInvalid)
            {
                await users.AccessFailedAsync(user);
            }
            return new(null, null, StatusCodes.Status401Unauthorized, verdict.Reason ?? "The identity's user no longer exists.", verdict.Rule);
        }
        await users.ResetAccessFailedCountAsync(user);
        await signIn.SignInAsync(user, isPersistent: false);
        logger.LogInformation("{Email} signed in with identity {Identity}", user.Email, verdict.Identity.Address);
        return new(user.Email ?? user.UserName ?? user.Id, verdict.Identity.Address, StatusCodes.Status200OK, null, null);
    }

    private async Task<PortalUser?> UserOfAsync(string identityId, CancellationToken ct)
    {
        var userId = await answers.UserOfAsync(identityId, ct);
        return userId is null ? null : await users.FindByIdAsync(userId);
    }
}

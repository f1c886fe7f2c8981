using System.Net;
using AngleSharp.Html.Parser;
using NutPortal.Tests.Organizations;
using static NutPortal.Tests.IdentityChain.IdentityChainApi;

namespace NutPortal.Tests.IdentityChain;

/// <summary>The identity sign-in page, posted the way a browser without scripts would: a challenge, its message signed
/// with the user's key, and the normal session; a wrong signature leaves the visitor signed out with the reason.</summary>
public sealed class IdentitySignInPageTests(IdentityChainPortal portal) : IClassFixture<IdentityChainPortal>
{
    [Fact]
    public async Task The_sign_in_page_gives_a_challenge_and_signs_the_user_in_with_its_signature()
    {
        var org = await Tenants.CreateOrganizationAsync(portal, $"Page sign-in {Guid.NewGuid():N}");
        using var owner = await Tenants.UserAsync(portal, org, "Owner");
        var (networkId, _) = await NetworkAsync(owner.Client, "identity-page-sign-in");
        var chainId = await DeployedChainAsync(owner.Client, "secp256k1", networkId);
        using var key = IdentityKey.For("secp256k1");
        var identityId = (await RegisterAsync(owner.Client, chainId, key)).GetProperty("id").GetString()!;
        using var browser = portal.CreateAnonymousClient();
        Assert.Contains("account/identity-sign-in", await browser.GetStringAsync("/account/login"), StringComparison.Ordinal);

        var (message, answerForm) = await ChallengeAsync(browser, identityId);
        using var impostor = IdentityKey.For("secp256k1");
        answerForm["Answer.Signature"] = impostor.Sign(message);
        var refused = await browser.PostAsync("/account/identity-sign-in", new FormUrlEncodedContent(answerForm));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("not made by the identity", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/me")).StatusCode);

        (message, answerForm) = await ChallengeAsync(browser, identityId);
        answerForm["Answer.Signature"] = key.Sign(message);
        var signedIn = await browser.PostAsync("/account/identity-sign-in", new FormUrlEncodedContent(answerForm));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains(owner.Email, (await Ok(await browser.GetAsync("/api/v1/me"))).ToString(), StringComparison.Ordinal);
    }

    private static async Task<(string Message, Dictionary<string, string> AnswerForm)> ChallengeAsync(HttpClient browser, string identityId)
    {
        var parser = new HtmlParser();
        var page = await parser.ParseDocumentAsync(await browser.GetStringAsync("/account/identity-sign-in"));
        var ask = page.QuerySelectorAll("form input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        ask["Ask.IdentityId"] = identityId;
        var response = await browser.PostAsync("/account/identity-sign-in", new FormUrlEncodedContent(ask));
        var html = await response.Content.ReadAsStringAsync();
        var answer = await parser.ParseDocumentAsync(html);
        var message = answer.QuerySelector("[data-testid=identity-message]")?.TextContent ?? throw new Xunit.Sdk.XunitException($"no challenge on the page: {html}");
        var fields = answer.QuerySelectorAll("form input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        return (message, fields);
    }
}

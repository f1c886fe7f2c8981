using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Api;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Organizations;

/// <summary>An Owner invites an address; the person signs up through the link, once, and is a member with the invited roles.</summary>
public sealed class InvitationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_new_user_signs_up_through_the_link_once_and_joins_with_the_invited_roles()
    {
        var org = await Tenants.CreateOrganizationAsync(portal, $"Invite Org {Guid.NewGuid():N}");
        using var owner = await Tenants.UserAsync(portal, org, "Owner");
        using var developer = await Tenants.UserAsync(portal, org, "Developer");
        var email = $"newcomer-{Guid.NewGuid():N}@example.test";

        // Only Owners invite.
        Assert.Equal(HttpStatusCode.Forbidden, (await developer.Client.PostAsJsonAsync($"/api/v1/organizations/{org}/invitations", new { email, roles = new[] { "Developer" } })).StatusCode);
        var invited = await owner.Client.PostAsJsonAsync($"/api/v1/organizations/{org}/invitations", new { email, roles = new[] { "Developer" } });
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        var link = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("link").GetString()!;
        var secret = link[(link.LastIndexOf('/') + 1)..];

        using var anonymous = portal.CreateAnonymousClient();
        var offer = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/invitations/{secret}");
        Assert.Equal(email, offer.GetProperty("email").GetString());
        Assert.True(offer.GetProperty("open").GetBoolean());
        Assert.False(offer.GetProperty("hasAccount").GetBoolean());
        var weak = await anonymous.PostAsJsonAsync($"/api/v1/invitations/{secret}/signup", new { displayName = "New", password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("password", await weak.Content.ReadAsStringAsync());

        var signedUp = await anonymous.PostAsJsonAsync($"/api/v1/invitations/{secret}/signup", new { displayName = "New Comer", password = Tenants.Password });
        Assert.Equal(HttpStatusCode.OK, signedUp.StatusCode);
        var again = await anonymous.PostAsJsonAsync($"/api/v1/invitations/{secret}/signup", new { displayName = "Twice", password = Tenants.Password });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/invitations/{secret}x")).StatusCode);

        using var browser = portal.CreateAnonymousClient();
        await SignIn.PostAsync(browser, email, Tenants.Password);
        var mine = await browser.GetFromJsonAsync<JsonElement>("/api/v1/organizations");
        var joined = mine.EnumerateArray().Single(o => o.GetProperty("id").GetString() == org);
        Assert.Equal(["Developer"], joined.GetProperty("myRoles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        // The invitation's organization is the newcomer's current one: what they create lands there.
        var project = await browser.PostAsJsonAsync("/api/v1/contracts", new { name = "first", source = "// SPDX-License-Identifier: MIT\npragma solidity ^0.8.20;\ncontract First {}\n" });
        Assert.Equal(HttpStatusCode.Created, project.StatusCode);
        var projectId = (await project.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"/api/v1/contracts/{projectId}")).StatusCode);
        Assert.Contains("invitation/accept", await owner.Client.GetStringAsync($"/api/v1/organizations/{org}/audit"));
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Networks;
using NutPortal.Tests.Organizations;

namespace NutPortal.Tests.Browser;

/// <summary>Organizations in a real browser: a member sees its organization's networks and a shared one, never another's;
/// a newcomer signs up through an invitation link and lands in the organization.</summary>
public sealed class OrganizationBrowserTests(RealServerPortalFactory portal) : IClassFixture<RealServerPortalFactory>
{
    [BrowserFact]
    public async Task A_member_switches_to_their_organization_accepts_a_consortium_network_and_never_sees_the_other_networks()
    {
        _ = portal.Address;
        var a = await Tenants.CreateOrganizationAsync(portal, $"Anchor {Guid.NewGuid():N}"[..20]);
        var bName = $"Beacon {Guid.NewGuid():N}"[..20];
        var b = await Tenants.CreateOrganizationAsync(portal, bName);
        using var operatorA = await Tenants.UserAsync(portal, a, "Operator");
        using var ownerB = await Tenants.UserAsync(portal, b, "Owner");
        using var developerA = await Tenants.UserAsync(portal, a, "Developer");
        var project = await developerA.Client.PostAsJsonAsync("/api/v1/contracts", new
        {
            name = "anchor-project", source = "// SPDX-License-Identifier: MIT\npragma solidity ^0.8.20;\ncontract Anchor {}\n",
        });
        var projectId = (await project.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var privateId = (await NetworkApi.CreateAsync(operatorA.Client, new { name = "anchor-private", platform = "ethereum-anvil", blockIntervalSeconds = 1, accounts = new { count = 1 } }))
            .GetProperty("id").GetString()!;
        var sharedId = (await NetworkApi.CreateAsync(operatorA.Client, new { name = "anchor-shared", platform = "ethereum-anvil", blockIntervalSeconds = 1, accounts = new { count = 1 } }))
            .GetProperty("id").GetString()!;
        (await operatorA.Client.PostAsJsonAsync($"/api/v1/networks/{sharedId}/invitations", new { organization = bName })).EnsureSuccessStatusCode();

        await using var browser = BrowserSession.Start(portal.Address);
        await browser.SignInAsync(ownerB.Email, Tenants.Password);
        await browser.ChooseAsync("[data-testid=org-switch]", bName);
        await browser.WaitForInteractiveAsync();
        await browser.GotoInteractiveAsync("organizations");
        await browser.WaitForTextAsync("[data-testid=network-invitation]", "anchor-shared");
        await browser.ClickAsync("[data-testid=network-invitation-accept]");
        await browser.WaitForAsync("[data-testid=network-invitation]", "detached");

        await browser.GotoInteractiveAsync("networks");
        await browser.WaitForTextAsync("body", "anchor-shared");
        Assert.DoesNotContain("anchor-private", await browser.TextAsync("body"));
        await browser.GotoInteractiveAsync($"networks/{sharedId}");
        await browser.WaitForTextAsync("[data-testid=consortium]", bName);
        // B's Owner sees the operator's node but may not stop it: the page says whose node it is, and it keeps running.
        await browser.WaitForAsync("[data-testid=stop-node]", "visible", 60000);
        await browser.ClickAsync("[data-testid=stop-node]");
        await browser.WaitForTextAsync("[data-testid=operation-message]", "run by another organization");
        Assert.Equal("Up", (await NetworkApi.GetAsync(operatorA.Client, sharedId)).GetProperty("nodes")[0].GetProperty("status").GetString());
        await browser.GotoAsync($"contracts/{projectId}");
        await browser.WaitForAsync("[data-testid=not-found]");
        await browser.GotoAsync($"networks/{privateId}");
        await browser.WaitForAsync("[data-testid=not-found]");
        await browser.GotoAsync($"networks/{privateId}/explorer");
        await browser.WaitForAsync("[data-testid=not-found]");
        Assert.DoesNotContain("anchor-private", await browser.TextAsync("body"));
    }

    [BrowserFact]
    public async Task A_newcomer_signs_up_through_the_invitation_link_and_lands_in_the_organization()
    {
        _ = portal.Address;
        var orgName = $"Harbor {Guid.NewGuid():N}"[..20];
        var org = await Tenants.CreateOrganizationAsync(portal, orgName);
        using var owner = await Tenants.UserAsync(portal, org, "Owner");
        var email = $"newcomer-{Guid.NewGuid():N}@example.test";
        var invited = await owner.Client.PostAsJsonAsync($"/api/v1/organizations/{org}/invitations", new { email, roles = new[] { "Developer" } });
        var link = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("link").GetString()!;

        await using var browser = BrowserSession.Start(portal.Address);
        await browser.GotoAsync($"invitations/{link[(link.LastIndexOf('/') + 1)..]}");
        Assert.Contains(orgName, await browser.TextAsync("[data-testid=invitation-offer]"));
        await browser.FillAsync("#name", "New Comer");
        await browser.FillAsync("#password", Tenants.Password);
        await browser.FillAsync("#confirm", Tenants.Password);
        await browser.ClickAsync("[data-testid=invitation-sign-up]");
        await browser.WaitForAsync("[data-testid=welcome-name]");
        await browser.GotoInteractiveAsync("organizations");
        await browser.WaitForTextAsync("[data-testid=org-members]", email);
        Assert.Contains(orgName, await browser.TextAsync("[data-testid=org-list]"));

        // The link was used: opening it again says so.
        await using var second = BrowserSession.Start(portal.Address);
        await second.GotoAsync($"invitations/{link[(link.LastIndexOf('/') + 1)..]}");
        await second.WaitForAsync("[data-testid=invitation-closed]");
    }
}

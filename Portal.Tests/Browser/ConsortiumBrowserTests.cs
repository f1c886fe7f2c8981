using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Networks;
using NutPortal.Tests.Organizations;

namespace NutPortal.Tests.Browser;

/// <summary>Standard mode and channels in a real browser: an organization finds a listed consortium and asks to join,
/// the operator approves on the network page and deploys a channel for it, and the member finds the channel.</summary>
public sealed class ConsortiumBrowserTests(RealServerPortalFactory portal) : IClassFixture<RealServerPortalFactory>
{
    [BrowserFact]
    public async Task An_organization_asks_to_join_from_the_directory_and_the_operator_approves_and_deploys_a_channel_for_it()
    {
        _ = portal.Address;
        var a = await Tenants.CreateOrganizationAsync(portal, $"Port {Guid.NewGuid():N}"[..18]);
        var cName = $"Shipper {Guid.NewGuid():N}"[..18];
        var c = await Tenants.CreateOrganizationAsync(portal, cName);
        using var operatorA = await Tenants.UserAsync(portal, a, "Operator");
        using var ownerC = await Tenants.UserAsync(portal, c, "Owner");
        var id = (await NetworkApi.CreateAsync(operatorA.Client, new { name = "port-community", platform = "ethereum-anvil", blockIntervalSeconds = 1, accounts = new { count = 1 } }))
            .GetProperty("id").GetString()!;
        await NetworkApi.WaitForAsync(operatorA.Client, id, n => NetworkApi.Status(n) == "Running", TimeSpan.FromSeconds(90), "the network to run");

        await using (var operatorBrowser = BrowserSession.Start(portal.Address))
        {
            await operatorBrowser.SignInAsync(operatorA.Email, Tenants.Password);
            await operatorBrowser.GotoInteractiveAsync($"networks/{id}");
            await operatorBrowser.ClickAsync("[data-testid=consortium-listed]");
            await operatorBrowser.WaitForTextAsync(".mud-snackbar", "Listed in the consortium directory");
        }

        await using var shipper = BrowserSession.Start(portal.Address);
        await shipper.SignInAsync(ownerC.Email, Tenants.Password);
        await shipper.ChooseAsync("[data-testid=org-switch]", cName);
        await shipper.WaitForInteractiveAsync();
        await shipper.GotoInteractiveAsync("consortia");
        await shipper.WaitForTextAsync("[data-testid=directory-entry]", "port-community");
        await shipper.FillAsync("[data-testid=directory-message] input, input[data-testid=directory-message]", "We ship weekly.");
        await shipper.ClickAsync("[data-testid=directory-ask]");
        await shipper.WaitForAsync("[data-testid=directory-requested]");

        await using (var operatorBrowser = BrowserSession.Start(portal.Address))
        {
            await operatorBrowser.SignInAsync(operatorA.Email, Tenants.Password);
            await operatorBrowser.GotoInteractiveAsync($"networks/{id}");
            await operatorBrowser.WaitForTextAsync("[data-testid=join-request]", "We ship weekly.");
            await operatorBrowser.ClickAsync("[data-testid=join-approve]");
            await operatorBrowser.WaitForTextAsync("[data-testid=consortium]", cName);
            await operatorBrowser.WaitForAsync("[data-testid=member-account]");
            await operatorBrowser.FillAsync("[data-testid=channel-name] input, input[data-testid=channel-name]", "port-customs");
            await operatorBrowser.ClickAsync("[data-testid=channel-member]");
            await operatorBrowser.ClickAsync("[data-testid=channel-create]");
            await operatorBrowser.WaitForTextAsync("[data-testid=network-name]", "port-customs");
            await operatorBrowser.WaitForTextAsync("[data-testid=channel-of]", "port-community");
        }

        await shipper.GotoInteractiveAsync($"networks/{id}");
        await shipper.WaitForTextAsync("[data-testid=channel]", "port-customs");
        await shipper.GotoInteractiveAsync("networks");
        await shipper.WaitForTextAsync("body", "port-customs");
    }
}

using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using NutPortal.Web.Components.Shared;

namespace NutPortal.Tests.Components;

public sealed class ConfirmDialogTests
{
    [Fact]
    public async Task Cancelling_the_confirmation_answers_no_and_closes_the_dialog()
    {
        await using var ctx = new PortalComponentContext();
        var provider = ctx.RenderDialogProvider();
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();

        Task<bool> answer = null!;
        await provider.InvokeAsync(() => { answer = dialogs.ConfirmAsync("Delete network", "Delete network alpha and its 3 nodes?", "Delete"); });
        provider.WaitForAssertion(() => Assert.Equal("Delete network alpha and its 3 nodes?", provider.Find("[data-testid=confirm-message]").TextContent));
        Assert.Contains("Delete network", provider.Find(".mud-dialog-title").TextContent, StringComparison.Ordinal);
        provider.Find("[data-testid=confirm-cancel]").Click();

        Assert.False(await answer);
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-testid=confirm-message]")));
    }

    [Fact]
    public async Task Confirming_answers_yes()
    {
        await using var ctx = new PortalComponentContext();
        var provider = ctx.RenderDialogProvider();
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();

        Task<bool> answer = null!;
        await provider.InvokeAsync(() => { answer = dialogs.ConfirmAsync("Revoke token", "Revoke token ci?", "Revoke"); });
        provider.WaitForAssertion(() => Assert.Equal("Revoke", provider.Find("[data-testid=confirm-ok]").TextContent.Trim()));
        provider.Find("[data-testid=confirm-ok]").Click();

        Assert.True(await answer);
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-testid=confirm-ok]")));
    }
}

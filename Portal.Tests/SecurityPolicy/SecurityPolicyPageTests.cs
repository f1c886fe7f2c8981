using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Networks;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;
using NutPortal.Core.SecurityPolicy;
using NutPortal.Tests.Components;
using NutPortal.Web.Components.SecurityPolicy;

namespace NutPortal.Tests.SecurityPolicy;

/// <summary>The policy page: Operators edit the policy as JSON and see each problem with its field before anything is
/// saved; a saved edit is the new version; Developers read the policy without an editor.</summary>
public sealed class SecurityPolicyPageTests
{
    [Fact]
    public async Task An_operator_sees_field_errors_then_saves_a_new_version_shown_in_the_tables()
    {
        await using var ctx = new PortalComponentContext("ops@example.test", "Operator");
        await SeedNetworkAsync(await ctx.UseDatabaseAsync());
        var page = ctx.Render<SecurityPolicyPage>(p => p.Add(c => c.Id, "pol"));
        page.WaitForAssertion(() => Assert.Contains("No policy saved yet", page.Find("[data-testid=policy-version]").TextContent, StringComparison.Ordinal));

        await page.Find("textarea").ChangeAsync(new() { Value = """{ "pii": { "action": "reject", "patterns": [{ "name": "bad", "regex": "(x)\\1" }] }, "accessRules": [{ "name": "", "function": "nope" }] }""" });
        await page.Find("[data-testid=policy-save] ").ClickAsync(new());
        page.WaitForAssertion(() =>
        {
            var errors = page.Find("[data-testid=policy-errors]").TextContent;
            Assert.Contains("pii.patterns[0].regex", errors, StringComparison.Ordinal);
            Assert.Contains("accessRules[0].name", errors, StringComparison.Ordinal);
            Assert.Contains("accessRules[0].function", errors, StringComparison.Ordinal);
        });
        Assert.Equal(0, (await ctx.Services.GetRequiredService<SecurityPolicies>().CurrentAsync("pol")).Version);

        await page.Find("textarea").ChangeAsync(new() { Value = """{ "pii": { "action": "reject", "patterns": [{ "name": "employee-id", "regex": "EMP-[0-9]{6}" }] } }""" });
        await page.Find("[data-testid=policy-save]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("Version 1, saved by ops@example.test", page.Find("[data-testid=policy-version]").TextContent, StringComparison.Ordinal));
        Assert.Equal("reject", page.Find("[data-testid=policy-pii-action]").TextContent);
        Assert.Contains("employee-id", page.Find("[data-testid=policy-pii]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=policy-errors]"));
    }

    [Fact]
    public async Task A_developer_reads_the_policy_without_an_editor()
    {
        await using var ctx = new PortalComponentContext("dev@example.test", "Developer");
        await SeedNetworkAsync(await ctx.UseDatabaseAsync());
        await ctx.Services.GetRequiredService<SecurityPolicies>().SaveAsync("pol", new SecurityPolicyDocument { Pii = new PiiSettings { Action = PiiAction.Encrypt } }, "ops");

        var page = ctx.Render<SecurityPolicyPage>(p => p.Add(c => c.Id, "pol"));

        page.WaitForAssertion(() => Assert.Equal("encrypt", page.Find("[data-testid=policy-pii-action]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=policy-editor]"));
        Assert.Empty(page.FindAll("[data-testid=policy-refusals]"));
    }

    private static async Task SeedNetworkAsync(IDbContextFactory<PortalDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var now = DateTime.UtcNow;
        db.Networks.Add(new Network { Id = "pol", Name = "pol", Platform = "ethereum-anvil", Driver = "local", ProfileJson = "{}", CreatedBy = "test", CreatedAt = now, UpdatedAt = now, OrganizationId = Organization.DefaultId });
        await db.SaveChangesAsync();
    }
}

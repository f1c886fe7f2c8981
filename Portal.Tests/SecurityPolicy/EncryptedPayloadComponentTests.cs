using System.Text;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Explorer;
using NutPortal.Core.Networks;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;
using NutPortal.Core.SecurityPolicy;
using NutPortal.Tests.Components;
using NutPortal.Tests.Explorer;
using NutPortal.Web.Components.SecurityPolicy;

namespace NutPortal.Tests.SecurityPolicy;

/// <summary>The explorer's transaction page shows an encrypted payload as "encrypted (level)"; a reader the policy admits
/// decrypts it on the server (and the read is recorded), anyone else sees only that it is encrypted.</summary>
public sealed class EncryptedPayloadComponentTests
{
    private static readonly DateTime Start = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("Operator", true)]
    [InlineData("Developer", false)]
    public async Task The_payload_is_shown_as_encrypted_and_in_plaintext_only_to_the_policys_reader(string role, bool entitled)
    {
        await using var ctx = new PortalComponentContext("reader@example.test", role);
        var contexts = await ctx.UseDatabaseAsync();
        var hash = await SeedEncryptedTransactionAsync(ctx.Services, contexts);
        var input = (await ctx.Services.GetRequiredService<ExplorerQueries>().TransactionAsync("enc", hash))!.Transaction.Input;

        var view = ctx.Render<EncryptedPayload>(p => p.Add(c => c.NetworkId, "enc").Add(c => c.Hash, hash).Add(c => c.Input, input));

        view.WaitForAssertion(() => Assert.Equal("encrypted (confidential)", view.Find("[data-testid=tx-encrypted-level]").TextContent.Trim()));
        Assert.DoesNotContain("carol@example.com", view.Markup, StringComparison.Ordinal);
        if (entitled)
        {
            await view.Find("[data-testid=tx-decrypt]").ClickAsync(new());
            view.WaitForAssertion(() => Assert.Equal("carol@example.com", view.Find("[data-testid=tx-plaintext]").TextContent));
            var read = Assert.Single(await ctx.Services.GetRequiredService<PayloadReader>().DecryptionsAsync("enc", 10));
            Assert.Equal(("reader@example.test", hash, "confidential"), (read.UserName, read.TransactionHash, read.Level));
        }
        else
        {
            Assert.Empty(view.FindAll("[data-testid=tx-decrypt]"));
            Assert.NotEmpty(view.FindAll("[data-testid=tx-not-entitled]"));
            Assert.Empty(await ctx.Services.GetRequiredService<PayloadReader>().DecryptionsAsync("enc", 10));
        }
    }

    /// <summary>A network whose policy lets the default organization's Operators read confidential payloads, and one indexed
    /// transaction whose input carries an e-mail address encrypted under the network's key.</summary>
    private static async Task<string> SeedEncryptedTransactionAsync(IServiceProvider services, IDbContextFactory<PortalDbContext> contexts)
    {
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.Networks.Add(new Network
            {
                Id = "enc", Name = "enc", Platform = "ethereum-anvil", Driver = "local", ProfileJson = "{}", CreatedBy = "test", CreatedAt = Start, UpdatedAt = Start,
                OrganizationId = Organization.DefaultId,
            });
            await db.SaveChangesAsync();
        }
        var saved = await services.GetRequiredService<SecurityPolicies>().SaveAsync("enc", new SecurityPolicyDocument
        {
            Pii = new PiiSettings { Action = PiiAction.Encrypt },
            Readers = new PayloadReaders { Confidential = new ReaderGrant([Organization.DefaultId], [OrgRoles.Operator]) },
        }, "test");
        Assert.NotNull(saved.Saved);
        var marker = await services.GetRequiredService<PolicyEnforcer>().EncryptAsync("enc", Encoding.UTF8.GetBytes("carol@example.com"), SecurityLevel.Confidential, CancellationToken.None);
        var store = NutPortal.Core.Ethereum.Abi.ContractAbi.Parse("""[{"type":"function","name":"store","stateMutability":"nonpayable","inputs":[{"name":"t","type":"string"}],"outputs":[]}]""")
            .GetFunction("store");
        var tx = GridDatabase.Transaction("enc", 1, 0, GridDatabase.Account(1), GridDatabase.Account(2));
        tx.Input = NutPortal.Core.Ethereum.Hex.Encode(store.EncodeCall(marker.ToString()));
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await db.Database.OpenConnectionAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await ChainRowWriter.InsertAsync(db, [GridDatabase.Block("enc", 1, Start, 1)], CancellationToken.None);
            await ChainRowWriter.InsertAsync(db, [tx], CancellationToken.None);
            await transaction.CommitAsync();
        }
        return tx.Hash;
    }
}

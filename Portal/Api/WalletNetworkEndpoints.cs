using System.Security.Claims;
using NutPortal.Core.Wallets;
using NutPortal.Web.Organizations;

namespace NutPortal.Web.Api;

/// <summary>An account on one network: holdings, history, fee estimate, send, faucet. The {networkId} route makes the
/// resource filter check that the caller may see the network (404 otherwise); sight is enough to use one's own key.</summary>
internal static class WalletNetworkEndpoints
{
    public static void Map(RouteGroupBuilder wallets)
    {
        var network = wallets.MapGroup("/{id:long}/networks/{networkId}");
        network.MapGet("/balances", async (long id, string networkId, CallerAccessor callers, WalletActivity activity, CancellationToken ct) =>
            await WalletEndpoints.RunAsync(async () => Results.Ok(await activity.HoldingsAsync(await callers.GetAsync(ct), id, networkId, ct))))
            .WithSummary("Native balance (from the node), ERC-20 balances and ERC-721 tokens (found through the explorer's Transfer index, checked on the node)");

        network.MapGet("/history", async (long id, string networkId, CallerAccessor callers, WalletActivity activity, CancellationToken ct) =>
            await WalletEndpoints.RunAsync(async () => Results.Ok(await activity.HistoryAsync(await callers.GetAsync(ct), id, networkId, ct))))
            .WithSummary("The account's newest transactions, from the explorer's index");

        network.MapPost("/estimate", async (long id, string networkId, TransferRequest request, CallerAccessor callers, WalletTransfers transfers, CancellationToken ct) =>
            await WalletEndpoints.RunAsync(async () => Results.Ok(await transfers.EstimateAsync(await callers.GetAsync(ct), id, networkId, request, ct))))
            .Needs(AccessRight.View).WithSummary("Check a send (ether, ERC-20 amount or ERC-721 token) and estimate its gas and fee; nothing is signed");

        network.MapPost("/send", async (long id, string networkId, TransferRequest request, CallerAccessor callers, WalletTransfers transfers, CancellationToken ct) =>
            await WalletEndpoints.RunAsync(async () => Results.Ok(await transfers.SendAsync(await callers.GetAsync(ct), id, networkId, request, ct))))
            .Needs(AccessRight.View).WithSummary("Sign with the account's key and send; refused before signing when the balance cannot cover amount and fee");

        network.MapPost("/faucet", async (long id, string networkId, CallerAccessor callers, WalletFaucet faucet, CancellationToken ct) =>
            await WalletEndpoints.RunAsync(async () => Results.Ok(await faucet.FundAsync(await callers.GetAsync(ct), id, networkId, ct))))
            .Needs(AccessRight.View).WithSummary("On a development network, fund the account from the network's funded account (rate limited per user and account)");
    }
}

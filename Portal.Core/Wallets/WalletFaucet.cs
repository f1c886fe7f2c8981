using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NutPortal.Core.Contracts;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Wallets;

public sealed record FaucetResult(string TransactionHash, string Amount, string Address);

/// <summary>
/// On development networks (<see cref="Networks.Platforms.PlatformFeatures.Faucet"/>) pays a wallet account from the
/// network's funded account. Payments are rate limited per user and per account over a window (stored, so the limits
/// hold across restarts); a payment is recorded before it is sent and removed again when the send fails.
/// </summary>
public sealed class WalletFaucet(
    IDbContextFactory<PortalDbContext> dbFactory, WalletService wallets, WalletNetworks networks, NetworkSigner signer,
    IOptions<WalletOptions> options, TimeProvider clock) : IDisposable
{
    // The limit check and the grant's insert run one at a time in this process, so two clicks cannot both pass it.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<FaucetResult> FundAsync(Caller caller, long accountId, string networkId, CancellationToken ct = default)
    {
        var account = await wallets.FindAsync(caller.UserId, accountId, ct);
        var network = await networks.GetAsync(caller, networkId, ct);
        if (!network.HasFaucet)
        {
            throw new WalletFailureException(WalletFailureKind.Unavailable, "network", $"{network.PlatformName} networks have no faucet; it funds accounts on development networks only.");
        }
        var o = options.Value;
        var amount = new System.Numerics.BigInteger(o.FaucetAmountEth * 1_000_000m) * System.Numerics.BigInteger.Pow(10, 12);
        var grant = new WalletFaucetGrant
        {
            UserId = caller.UserId, AccountId = account.Id, NetworkId = networkId,
            Amount = amount.ToString(CultureInfo.InvariantCulture), At = clock.GetUtcNow().UtcDateTime,
        };
        await _gate.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var since = grant.At.AddSeconds(-o.FaucetWindowSeconds);
            var window = TimeSpan.FromSeconds(o.FaucetWindowSeconds);
            var byAccount = await db.WalletFaucetGrants.Where(g => g.AccountId == account.Id && g.At > since).OrderBy(g => g.At).Select(g => g.At).ToListAsync(ct);
            if (byAccount.Count >= o.FaucetPerAccount)
            {
                throw Limited($"This account had {byAccount.Count} faucet payment(s) in the last {Describe(window)} (limit {o.FaucetPerAccount} per account)", byAccount[0] + window);
            }
            var byUser = await db.WalletFaucetGrants.Where(g => g.UserId == caller.UserId && g.At > since).OrderBy(g => g.At).Select(g => g.At).ToListAsync(ct);
            if (byUser.Count >= o.FaucetPerUser)
            {
                throw Limited($"Your accounts had {byUser.Count} faucet payments in the last {Describe(window)} (limit {o.FaucetPerUser} per user)", byUser[0] + window);
            }
            db.WalletFaucetGrants.Add(grant);
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
        try
        {
            // Paid from the network's funded account: an infrastructure send, exempt from the rules for users' transactions.
            var receipt = await signer.SendAsync(networkId, account.Address.ToLowerInvariant(), [], amount, ct);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.WalletFaucetGrants.Where(g => g.Id == grant.Id).ExecuteUpdateAsync(s => s.SetProperty(g => g.TransactionHash, receipt.TransactionHash), ct);
            return new FaucetResult(receipt.TransactionHash, TokenUnits.Format(amount, 18), account.Address);
        }
        catch (Exception e) when (e is ContractFailureException or JsonRpc.JsonRpcClientException)
        {
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            await db.WalletFaucetGrants.Where(g => g.Id == grant.Id).ExecuteDeleteAsync(CancellationToken.None);
            throw new WalletFailureException(WalletFailureKind.Unavailable, "network", $"The faucet could not pay: {e.Message}");
        }
    }

    private static WalletFailureException Limited(string what, DateTime next) =>
        new(WalletFailureKind.RateLimited, "faucet", $"{what}. The next payment is possible at {next:yyyy-MM-dd HH:mm:ss} UTC.");

    private static string Describe(TimeSpan window) =>
        window.TotalHours >= 1 && window.TotalHours == Math.Floor(window.TotalHours) ? $"{window.TotalHours:0} hour(s)" : $"{window.TotalSeconds:0} seconds";

    public void Dispose() => _gate.Dispose();
}

using NutPortal.Core.Explorer;
using NutPortal.Core.Organizations;

namespace NutPortal.Core.Wallets;

/// <summary>A transaction of the account, from the explorer's index; <see cref="Direction"/> is "out", "in" or "self".</summary>
public sealed record WalletTransaction(string Hash, long BlockNumber, string From, string? To, string Value, string Direction, bool? Succeeded, string? ContractCreated);

/// <summary>Holdings and history of a caller's own account on a network they may use (owner and network checked first).</summary>
public sealed class WalletActivity(WalletService wallets, WalletNetworks networks, WalletHoldings holdings, ExplorerQueries explorer)
{
    public const int HistoryLimit = 50;

    public async Task<WalletHoldingsView> HoldingsAsync(Caller caller, long accountId, string networkId, CancellationToken ct = default)
    {
        var account = await wallets.FindAsync(caller.UserId, accountId, ct);
        await networks.GetAsync(caller, networkId, ct);
        return await NodeGuard.RunAsync(() => holdings.ReadAsync(networkId, account.Address, ct));
    }

    /// <summary>The newest transactions sent or received by the account, as the explorer indexed them.</summary>
    public async Task<IReadOnlyList<WalletTransaction>> HistoryAsync(Caller caller, long accountId, string networkId, CancellationToken ct = default)
    {
        var account = await wallets.FindAsync(caller.UserId, accountId, ct);
        await networks.GetAsync(caller, networkId, ct);
        var address = account.Address.ToLowerInvariant();
        var rows = await explorer.AddressTransactionsAsync(networkId, address, HistoryLimit, ct: ct);
        return [.. rows.Select(t => new WalletTransaction(
            t.Hash, t.BlockNumber, t.From, t.To, Wei.ToEth(t.Value),
            t.From == address && t.To == address ? "self" : t.From == address ? "out" : "in",
            t.Status is { } s ? s == 1 : null, t.ContractAddress))];
    }
}

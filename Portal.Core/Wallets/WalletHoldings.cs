using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NutPortal.Core.Contracts;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Wallets;

/// <summary>An ERC-20 balance; <see cref="Decimals"/> 18 and no symbol when the contract does not say.</summary>
public sealed record TokenHolding(string Contract, string? Symbol, string? Name, int Decimals, string Balance, string BalanceUnits);

/// <summary>An ERC-721 token the account owns now.</summary>
public sealed record NftHolding(string Contract, string? Symbol, string? Name, string TokenId);

public sealed record WalletHoldingsView(string Address, string NetworkId, long BlockNumber, string Balance, string BalanceWei, IReadOnlyList<TokenHolding> Tokens, IReadOnlyList<NftHolding> Nfts);

/// <summary>
/// What an account holds on a network. The native balance comes from the node; the tokens are found through the
/// explorer's index of Transfer events (<c>ChainLogs.TransferTo/TransferFrom</c>, one index seek each) and their
/// current balances and owners are read from the node, so a token moved since is shown as it is now.
/// </summary>
public sealed class WalletHoldings(IDbContextFactory<PortalDbContext> dbFactory, NetworkSigner signer, IOptions<WalletOptions> options)
{
    private const int MaxNftCandidates = 500;

    public async Task<WalletHoldingsView> ReadAsync(string networkId, string address, CancellationToken ct = default)
    {
        var rpc = await RpcAsync(signer, networkId, ct);
        var lower = address.ToLowerInvariant();
        var head = await rpc.GetBlockNumberAsync(ct);
        var balance = await rpc.GetBalanceAsync(lower, BlockParameter.Latest, ct);
        var (tokens, nftCandidates) = await CandidatesAsync(networkId, lower, ct);
        var batch = new JsonRpcBatch();
        var reads = tokens.Select(t => (t.Contract, t.IsNft,
            Balance: t.IsNft ? null : Call(batch, t.Contract, TokenAbi.BalanceOf.EncodeCall(lower)),
            Symbol: Call(batch, t.Contract, TokenAbi.Symbol.EncodeCall()),
            Name: Call(batch, t.Contract, TokenAbi.Name.EncodeCall()),
            Decimals: t.IsNft ? null : Call(batch, t.Contract, TokenAbi.Decimals.EncodeCall()))).ToList();
        var owners = nftCandidates.Select(c => (c.Contract, c.TokenId, Owner: Call(batch, c.Contract, TokenAbi.OwnerOf.EncodeCall(c.TokenId)))).ToList();
        if (batch.Items.Count > 0)
        {
            await rpc.SendBatchAsync(batch, cancellationToken: ct);
        }
        var fungible = new List<TokenHolding>();
        var names = new Dictionary<string, (string? Symbol, string? Name)>(StringComparer.Ordinal);
        foreach (var r in reads)
        {
            var symbol = Text(r.Symbol);
            var name = Text(r.Name);
            names[r.Contract] = (symbol, name);
            if (!r.IsNft && Number(r.Balance) is { } units && units > 0)
            {
                var decimals = Number(r.Decimals) is { } d && d <= 77 ? (int)d : 18;
                fungible.Add(new TokenHolding(r.Contract, symbol, name, decimals, TokenUnits.Format(units, decimals), units.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        var nfts = owners.Where(o => Owner(o.Owner) == lower)
            .Select(o => new NftHolding(o.Contract, names.GetValueOrDefault(o.Contract).Symbol, names.GetValueOrDefault(o.Contract).Name, o.TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        return new WalletHoldingsView(address, networkId, (long)head, TokenUnits.Format(balance, 18), balance.ToString(System.Globalization.CultureInfo.InvariantCulture), fungible, nfts);
    }

    private async Task<(IReadOnlyList<TokenCandidate> Tokens, IReadOnlyList<(string Contract, BigInteger TokenId)> Nfts)> CandidatesAsync(string networkId, string address, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tokens = await TransferIndex.TokensAsync(db, networkId, address, options.Value.MaxTokens, ct);
        var nfts = await TransferIndex.ReceivedNftsAsync(db, networkId, address, [.. tokens.Where(t => t.IsNft).Select(t => t.Contract)], MaxNftCandidates, ct);
        return (tokens, nfts);
    }

    internal static async Task<IJsonRpcClient> RpcAsync(NetworkSigner signer, string networkId, CancellationToken ct)
    {
        try
        {
            return await signer.RpcAsync(networkId, ct);
        }
        catch (ContractFailureException e)
        {
            throw new WalletFailureException(WalletFailureKind.Unavailable, "network", e.Message);
        }
    }

    private static JsonRpcBatchItem<string> Call(JsonRpcBatch batch, string contract, byte[] data) =>
        batch.Add<string>("eth_call", new RpcTransactionRequest { To = contract, Input = Hex.Encode(data) }, BlockParameter.Latest);

    // A contract that does not implement a call (or answers garbage) leaves that field empty instead of failing the view.
    private static object? Decode(JsonRpcBatchItem<string>? item, Ethereum.Abi.AbiFunction function)
    {
        try
        {
            return item is { Error: null } && Hex.Decode(item.Result) is { Length: > 0 } bytes ? function.DecodeOutput(bytes)[0] : null;
        }
        catch (Exception e) when (e is Ethereum.Abi.AbiException or FormatException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static BigInteger? Number(JsonRpcBatchItem<string>? item) => Decode(item, TokenAbi.BalanceOf) is BigInteger b ? b : null;

    private static string? Text(JsonRpcBatchItem<string>? item) => Decode(item, TokenAbi.Symbol) as string is { Length: > 0 and <= 64 } s ? s : null;

    private static string? Owner(JsonRpcBatchItem<string>? item) =>
        Decode(item, TokenAbi.OwnerOf) is Ethereum.Keys.Address a ? a.ToLowerHex() : null;
}

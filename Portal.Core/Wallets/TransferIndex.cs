using System.Numerics;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Wallets;

/// <summary>A token contract with Transfer events to or from an address; <see cref="IsNft"/> when its Transfer has 4 topics (ERC-721).</summary>
public sealed record TokenCandidate(string Contract, long LastBlock, bool IsNft);

/// <summary>
/// Queries over the explorer's Transfer index (<c>ChainLogs.TransferTo</c> and <c>TransferFrom</c>, each indexed with the
/// network and block): the tokens an address touched and the ERC-721 ids it received, without reading other logs.
/// </summary>
public static class TransferIndex
{
    /// <summary>Three topics of 66 characters and two commas: a longer Transfer carries a fourth, indexed token id.</summary>
    private const int Erc20TopicsLength = 200;

    public static async Task<IReadOnlyList<TokenCandidate>> TokensAsync(PortalDbContext db, string networkId, string address, int max, CancellationToken ct)
    {
        var lower = address.ToLowerInvariant();
        var touching = db.ChainLogs.Where(l => l.NetworkId == networkId && l.TransferTo == lower)
            .Concat(db.ChainLogs.Where(l => l.NetworkId == networkId && l.TransferFrom == lower));
        var rows = await touching.GroupBy(l => l.Address)
            .Select(g => new { Contract = g.Key, LastBlock = g.Max(l => l.BlockNumber), Longest = g.Max(l => l.Topics.Length) })
            .OrderByDescending(t => t.LastBlock).Take(max).ToListAsync(ct);
        return [.. rows.Select(r => new TokenCandidate(r.Contract, r.LastBlock, r.Longest > Erc20TopicsLength))];
    }

    /// <summary>The ERC-721 token ids of these contracts the address received (newest first, distinct); the node says which it still owns.</summary>
    public static async Task<IReadOnlyList<(string Contract, BigInteger TokenId)>> ReceivedNftsAsync(
        PortalDbContext db, string networkId, string address, IReadOnlyCollection<string> contracts, int max, CancellationToken ct)
    {
        if (contracts.Count == 0)
        {
            return [];
        }
        var lower = address.ToLowerInvariant();
        var rows = await db.ChainLogs.Where(l => l.NetworkId == networkId && l.TransferTo == lower && contracts.Contains(l.Address))
            .OrderByDescending(l => l.BlockNumber).Select(l => new { l.Address, l.Topics }).Take(max).ToListAsync(ct);
        return [.. rows.Select(r => r.Topics.Split(',') is { Length: 4 } t && Hex.TryDecode(t[3], out var id)
                ? (r.Address, new BigInteger(id, isUnsigned: true, isBigEndian: true)) : default)
            .Where(r => r.Address is not null).Distinct()];
    }
}

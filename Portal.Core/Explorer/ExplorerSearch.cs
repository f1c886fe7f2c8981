using System.Globalization;
using NutPortal.Core.Ethereum;

namespace NutPortal.Core.Explorer;

public enum SearchTargetKind
{
    None,
    Block,
    Transaction,
    Address,
}

/// <summary>Where a search leads: the kind of page and its key (block number, hash or address), or nothing.</summary>
public sealed record SearchTarget(SearchTargetKind Kind, string? Key, string Message)
{
    public static SearchTarget Nothing(string message) => new(SearchTargetKind.None, null, message);
}

/// <summary>Resolves a search box entry: a block number, a block or transaction hash (66 chars), or an address (42 chars).</summary>
public sealed class ExplorerSearch(ExplorerQueries queries)
{
    public const int MaxQueryLength = 100;

    public async Task<SearchTarget> ResolveAsync(string networkId, string? query, CancellationToken ct = default)
    {
        var q = (query ?? "").Trim();
        if (q.Length == 0 || q.Length > MaxQueryLength)
        {
            return SearchTarget.Nothing("Enter a block number, a block or transaction hash, or an address.");
        }
        if (long.TryParse(q, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return await queries.BlockAsync(networkId, number, ct) is not null
                ? new SearchTarget(SearchTargetKind.Block, number.ToString(CultureInfo.InvariantCulture), $"Block {number}")
                : SearchTarget.Nothing($"Block {number} is not indexed (yet).");
        }
        if (IsHex(q, 32))
        {
            var hash = q.ToLowerInvariant();
            if (await queries.TransactionExistsAsync(networkId, hash, ct))
            {
                return new SearchTarget(SearchTargetKind.Transaction, hash, "Transaction");
            }
            return await queries.BlockByHashAsync(networkId, hash, ct) is { } block
                ? new SearchTarget(SearchTargetKind.Block, block.Number.ToString(CultureInfo.InvariantCulture), $"Block {block.Number}")
                : SearchTarget.Nothing("No indexed block or transaction has this hash.");
        }
        if (IsHex(q, 20))
        {
            return new SearchTarget(SearchTargetKind.Address, q.ToLowerInvariant(), "Address");
        }
        return SearchTarget.Nothing($"Nothing matches '{q}': enter a block number, a 0x hash of 64 hex digits, or a 0x address of 40 hex digits.");
    }

    /// <summary>True for 0x followed by exactly <paramref name="bytes"/> bytes of hex.</summary>
    public static bool IsHex(string? text, int bytes) =>
        text is not null && text.Length == 2 + (bytes * 2) && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && Hex.IsHex(text);
}

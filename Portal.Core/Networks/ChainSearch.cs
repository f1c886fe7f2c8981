using NutPortal.Core.Networks.Platforms;

namespace NutPortal.Core.Networks;

/// <summary>What a chain browser's search box found: a block (by height or hash), a transaction or an address.</summary>
public sealed record ChainSearchHit(string Kind, string Key);

/// <summary>
/// Resolves a search on a browsable chain: digits are a height, 64 hex digits a transaction id or else a block hash,
/// anything else an address the platform must recognise. Nothing matching is <see cref="ChainReadFailure.NotFound"/>.
/// </summary>
public static class ChainSearch
{
    public static async Task<ChainSearchHit> FindAsync(IChainBrowser browser, NetworkNode node, string query, CancellationToken ct)
    {
        var text = query.Trim();
        if (text.Length is 0 or > 200)
        {
            throw new ChainReadException(ChainReadFailure.InvalidInput, "q", "Search for a block height, a block hash, a transaction id or an address (at most 200 characters).");
        }
        if (text.All(char.IsAsciiDigit))
        {
            return new("block", (await browser.BrowseBlockAsync(node, text, ct)).Block.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (BrowseInput.IsHash(text))
        {
            try
            {
                return new("transaction", (await browser.BrowseTransactionAsync(node, text, ct)).Id);
            }
            catch (ChainReadException ex) when (ex.Failure == ChainReadFailure.NotFound)
            {
                try
                {
                    return new("block", (await browser.BrowseBlockAsync(node, text, ct)).Block.Hash);
                }
                catch (ChainReadException again) when (again.Failure == ChainReadFailure.NotFound)
                {
                    throw BrowseInput.NotFound($"No transaction and no block {text} on this chain.");
                }
            }
        }
        try
        {
            return new("address", (await browser.BrowseAddressAsync(node, text, ct)).Address);
        }
        catch (ChainReadException ex) when (ex.Failure == ChainReadFailure.InvalidInput)
        {
            throw new ChainReadException(ChainReadFailure.InvalidInput, "q", $"'{(text.Length > 80 ? text[..80] + "…" : text)}' is no block height, hash, transaction id or address of this chain: {ex.Message}");
        }
    }
}

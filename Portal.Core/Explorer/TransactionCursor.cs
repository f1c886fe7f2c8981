using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace NutPortal.Core.Explorer;

/// <summary>
/// A keyset position in a newest-first transaction list: the page continues with transactions strictly before
/// this block and index. Written as <c>block:index</c> in URLs, so paging stays one index seek however deep.
/// </summary>
public readonly record struct TransactionCursor(long BlockNumber, int TransactionIndex)
{
    public static TransactionCursor After(ChainTransaction last) => new(last.BlockNumber, last.TransactionIndex);

    public static bool TryParse(string? text, [NotNullWhen(true)] out TransactionCursor? cursor)
    {
        cursor = null;
        var parts = (text ?? "").Split(':');
        if (parts.Length != 2 || parts[0].Length > 19 || parts[1].Length > 10
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var block)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return false;
        }
        cursor = new TransactionCursor(block, index);
        return true;
    }

    public override string ToString() => FormattableString.Invariant($"{BlockNumber}:{TransactionIndex}");
}

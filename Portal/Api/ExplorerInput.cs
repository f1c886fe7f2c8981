using System.Globalization;
using NutPortal.Core.Explorer;

namespace NutPortal.Web.Api;

/// <summary>Query-string parsing with field-level errors, and the page a search result leads to.</summary>
internal static class ExplorerInput
{
    public static long? OptionalNumber(string? text, string field, long min, long max, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }
        if (text.Length > 20 || !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors.Add(field, $"A whole number from {min} to {max}.");
            return null;
        }
        return value;
    }

    /// <summary>The explorer page for a search target, relative to the portal's base; null when nothing matched.</summary>
    public static string? PathOf(string networkId, SearchTarget target) => target.Kind switch
    {
        SearchTargetKind.Block => $"networks/{networkId}/explorer/blocks/{target.Key}",
        SearchTargetKind.Transaction => $"networks/{networkId}/explorer/tx/{target.Key}",
        SearchTargetKind.Address => $"networks/{networkId}/explorer/address/{target.Key}",
        _ => null,
    };
}

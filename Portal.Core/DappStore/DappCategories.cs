namespace NutPortal.Core.DappStore;

/// <summary>The store's fixed categories.</summary>
public static class DappCategories
{
    public static IReadOnlyList<string> All { get; } = ["Finance", "Tokens", "Games", "Collectibles", "Governance", "Identity", "Supply chain", "Tools", "Other"];

    public static bool IsKnown(string? category) => category is not null && All.Contains(category, StringComparer.Ordinal);
}

namespace NutPortal.Core.DappStore;

/// <summary>What a developer writes about a DApp. <see cref="Contracts"/> are addresses of contracts the portal deployed
/// on <see cref="NetworkId"/> from a saved project version.</summary>
public sealed record DappInput(string? Name, string? Summary, string? Description, string? Category, string? NetworkId, IReadOnlyList<string>? Contracts)
{
    public Dictionary<string, string[]> Check()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message) => errors[field] = [message];
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > DappLimits.NameLength)
        {
            Add("name", $"A name of 1 to {DappLimits.NameLength} characters.");
        }
        if (string.IsNullOrWhiteSpace(Summary) || Summary.Trim().Length > DappLimits.SummaryLength)
        {
            Add("summary", $"A summary of 1 to {DappLimits.SummaryLength} characters.");
        }
        if ((Description ?? "").Length > DappLimits.DescriptionLength)
        {
            Add("description", $"The description is {Description!.Length} characters; at most {DappLimits.DescriptionLength}.");
        }
        if (!DappCategories.IsKnown(Category))
        {
            Add("category", $"One of: {string.Join(", ", DappCategories.All)}.");
        }
        if (string.IsNullOrWhiteSpace(NetworkId))
        {
            Add("networkId", "The network the DApp runs on.");
        }
        if (Contracts is { Count: > DappLimits.MaxContracts })
        {
            Add("contracts", $"At most {DappLimits.MaxContracts} contracts.");
        }
        else if (Contracts?.FirstOrDefault(a => !IsAddress(a)) is { } bad)
        {
            Add("contracts", $"'{Shorten(bad)}' is not a 0x address of 40 hex digits.");
        }
        return errors;
    }

    private static bool IsAddress(string? value) =>
        value is { Length: 42 } && value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && value.Skip(2).All(char.IsAsciiHexDigit);

    private static string Shorten(string? value) => value is null ? "" : value.Length > 50 ? value[..50] + "…" : value;
}

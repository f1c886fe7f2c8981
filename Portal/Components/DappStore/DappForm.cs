using System.ComponentModel.DataAnnotations;
using NutPortal.Core.DappStore;

namespace NutPortal.Web.Components.DappStore;

/// <summary>The publish form's fields, checked at the field; the service checks the same again (and what only it can know).</summary>
public sealed class DappForm
{
    [Required(ErrorMessage = "Give the DApp a name.")]
    [StringLength(DappLimits.NameLength, ErrorMessage = "At most 80 characters.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "One line on what it does.")]
    [StringLength(DappLimits.SummaryLength, ErrorMessage = "At most 200 characters.")]
    public string Summary { get; set; } = "";

    [StringLength(DappLimits.DescriptionLength, ErrorMessage = "At most 20,000 characters.")]
    public string Description { get; set; } = "";

    [Required(ErrorMessage = "Pick a category.")]
    public string? Category { get; set; }

    [Required(ErrorMessage = "Pick the network it runs on.")]
    public string? NetworkId { get; set; }

    public IReadOnlyCollection<string> Contracts { get; set; } = [];

    public DappInput ToInput() => new(Name, Summary, Description, Category, NetworkId, [.. Contracts]);

    public static DappForm From(Dapp dapp, IEnumerable<string> addresses) => new()
    {
        Name = dapp.Name, Summary = dapp.Summary, Description = dapp.Description, Category = dapp.Category, NetworkId = dapp.NetworkId, Contracts = [.. addresses],
    };
}

using Microsoft.AspNetCore.Identity;

namespace NutPortal.Core.Identity;

public sealed class PortalUser : IdentityUser
{
    public string? DisplayName { get; set; }

    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;

    /// <summary>The portal's dark theme instead of the light one; chosen in the app bar, kept across sign-ins.</summary>
    public bool PrefersDarkMode { get; set; }

    /// <summary>The organization the user last switched to in the app bar.</summary>
    public string? CurrentOrganizationId { get; set; }
}

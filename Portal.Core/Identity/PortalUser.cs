using Microsoft.AspNetCore.Identity;

namespace NutPortal.Core.Identity;

public sealed class PortalUser : IdentityUser
{
    public string? DisplayName { get; set; }

    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

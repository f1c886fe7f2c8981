namespace NutPortal.Core.Organizations;

/// <summary>Roles inside an organization. Owner manages its members and can do everything its members can;
/// Operator runs its networks and nodes; Developer builds and deploys contracts; Member looks.</summary>
public static class OrgRoles
{
    public const string Owner = "Owner";
    public const string Operator = "Operator";
    public const string Developer = "Developer";
    public const string Member = "Member";

    public static IReadOnlyList<string> All { get; } = [Owner, Operator, Developer, Member];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    public static bool CanOperate(IReadOnlySet<string> roles) => roles.Contains(Owner) || roles.Contains(Operator);

    public static bool CanDevelop(IReadOnlySet<string> roles) => roles.Contains(Owner) || roles.Contains(Developer);

    /// <summary>The portal-wide role an organization role grants, so role-gated pages and endpoints open to it; what
    /// it may then touch is decided per resource by its organization.</summary>
    public static IEnumerable<string> PortalRoles(string role) => role switch
    {
        Owner => [Identity.Roles.Operator, Identity.Roles.Developer],
        Operator => [Identity.Roles.Operator],
        Developer => [Identity.Roles.Developer],
        _ => [Identity.Roles.User],
    };

    /// <summary>The organization role today's portal-wide role maps to (databases upgraded to organizations, users an
    /// Admin creates).</summary>
    public static string FromPortalRole(string role) => role switch
    {
        Identity.Roles.Admin => Owner,
        Identity.Roles.Operator => Operator,
        Identity.Roles.Developer => Developer,
        _ => Member,
    };
}

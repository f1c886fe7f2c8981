namespace NutPortal.Core.Organizations;

/// <summary>Who is asking: a user, whether they are a portal Admin, their roles per organization, and the
/// organization they are working in (chosen in the app bar, or the <c>X-Organization</c> header on the API).</summary>
public sealed record Caller(string UserId, string Name, bool IsAdmin, IReadOnlyDictionary<string, IReadOnlySet<string>> Roles, string? CurrentOrganizationId)
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    /// <summary>Work the portal does for itself (jobs, the supervisor): sees everything.</summary>
    public static Caller System { get; } = new("system", "system", true, new Dictionary<string, IReadOnlySet<string>>(), null);

    public IReadOnlyCollection<string> OrganizationIds => [.. Roles.Keys];

    public bool IsMember(string organizationId) => Roles.ContainsKey(organizationId);

    public IReadOnlySet<string> RolesIn(string organizationId) => Roles.TryGetValue(organizationId, out var roles) ? roles : None;

    public bool CanOperateIn(string organizationId) => IsAdmin || OrgRoles.CanOperate(RolesIn(organizationId));

    public bool CanDevelopIn(string organizationId) => IsAdmin || OrgRoles.CanDevelop(RolesIn(organizationId));

    public bool IsOwnerOf(string organizationId) => IsAdmin || RolesIn(organizationId).Contains(OrgRoles.Owner);

    /// <summary>The organization new things belong to: the current one.</summary>
    public string? HomeOrganizationId => CurrentOrganizationId;
}

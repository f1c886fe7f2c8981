namespace NutPortal.Core.Identity;

/// <summary>The portal's roles. Admin manages users; Operator runs networks; Developer builds contracts.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Operator = "Operator";
    public const string Developer = "Developer";
    public const string User = "User";

    public static IReadOnlyList<string> All { get; } = [Admin, Operator, Developer, User];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}

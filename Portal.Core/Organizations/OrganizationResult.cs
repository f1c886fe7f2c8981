namespace NutPortal.Core.Organizations;

/// <summary>The outcome of an organization command: done, not found (or not visible), refused (403), or field errors.</summary>
public sealed record OrganizationResult(bool Succeeded, bool Found, bool Forbidden, IReadOnlyDictionary<string, string[]> Errors, string? Id = null)
{
    public static OrganizationResult Ok(string? id = null) => new(true, true, false, new Dictionary<string, string[]>(), id);

    public static OrganizationResult NotFound { get; } = new(false, false, false, new Dictionary<string, string[]>());

    public static OrganizationResult Refused(string why) => new(false, true, true, new Dictionary<string, string[]> { ["organization"] = [why] });

    public static OrganizationResult Fail(string field, string message) => new(false, true, false, new Dictionary<string, string[]> { [field] = [message] });
}

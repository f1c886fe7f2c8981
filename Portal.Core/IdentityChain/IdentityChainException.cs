namespace NutPortal.Core.IdentityChain;

public enum IdentityChainFailure
{
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}

/// <summary>A refused identity-chain operation: what kind (for the HTTP status), the field at fault when there is one, and why.</summary>
public sealed class IdentityChainException(IdentityChainFailure kind, string field, string message) : Exception(message)
{
    public IdentityChainFailure Kind { get; } = kind;

    public string Field { get; } = field;

    /// <summary>More field errors (a profile or registration with several problems).</summary>
    public IReadOnlyList<Networks.ProfileError> Errors { get; init; } = [new(field, message)];

    public static IdentityChainException NotFound(string what) => new(IdentityChainFailure.NotFound, "id", $"No {what}.");

    public static IdentityChainException Forbidden(string message) => new(IdentityChainFailure.Forbidden, "role", message);

    public static IdentityChainException Invalid(IReadOnlyList<Networks.ProfileError> errors) =>
        new(IdentityChainFailure.Invalid, errors[0].Field, string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}"))) { Errors = errors };
}

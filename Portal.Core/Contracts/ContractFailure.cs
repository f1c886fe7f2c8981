namespace NutPortal.Core.Contracts;

public enum ContractFailureKind
{
    NotFound,
    NotRunning,
    InvalidInput,
    Reverted,

    /// <summary>The project's deploy gate refused the version (high-severity scan findings).</summary>
    Blocked,

    /// <summary>The network's rules for users' transactions (security policy access rules, identity requirement) refused it; nothing was sent.</summary>
    Refused,
}

/// <summary>Why a deploy or call could not be done; the API maps the kind to a status code.</summary>
public sealed class ContractFailureException(ContractFailureKind kind, string field, string message, int? argumentIndex = null) : Exception(message)
{
    public ContractFailureKind Kind { get; } = kind;

    /// <summary>The request field at fault ("network", "constructorArguments", "function", ...).</summary>
    public string Field { get; } = field;

    /// <summary>The position of the argument at fault in <see cref="Field"/>'s list, when one argument is.</summary>
    public int? ArgumentIndex { get; } = argumentIndex;
}

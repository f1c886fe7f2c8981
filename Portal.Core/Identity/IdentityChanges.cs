namespace NutPortal.Core.Identity;

/// <summary>A user's roles, lock-out, password or existence changed: anything cached about them is stale.</summary>
public sealed record UserSecurityChanged(string UserId);

/// <summary>An API token was revoked: a principal cached for it must not be used again.</summary>
public sealed record ApiTokenRevoked(Guid TokenId, string UserId);

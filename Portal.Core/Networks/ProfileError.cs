namespace NutPortal.Core.Networks;

/// <summary>A field-level problem with a profile: the JSON field name (camelCase) and what is allowed.</summary>
public sealed record ProfileError(string Field, string Message);

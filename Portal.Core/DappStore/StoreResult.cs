namespace NutPortal.Core.DappStore;

/// <summary>
/// The outcome of a store or community command: done (with its value), not found (or not visible to the caller),
/// refused (403: visible but not theirs), or field errors naming what is wrong.
/// </summary>
#pragma warning disable CA1000 // the factories read best as StoreResult<T>.Ok(...) at the call site
public sealed record StoreResult<T>(T? Value, bool Found, string? Refusal, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Found && Refusal is null && Errors.Count == 0;

    public static StoreResult<T> Ok(T value) => new(value, true, null, new Dictionary<string, string[]>());

    public static StoreResult<T> NotFound { get; } = new(default, false, null, new Dictionary<string, string[]>());

    public static StoreResult<T> Refused(string why) => new(default, true, why, new Dictionary<string, string[]>());

    public static StoreResult<T> Invalid(string field, string message) => new(default, true, null, new Dictionary<string, string[]> { [field] = [message] });

    public static StoreResult<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(default, true, null, errors);
}
#pragma warning restore CA1000

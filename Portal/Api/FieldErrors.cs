namespace NutPortal.Web.Api;

/// <summary>Collects field-level validation errors and turns them into a 400 validation problem.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    public IResult ToResult(string title = "The request has invalid fields") =>
        TypedResults.ValidationProblem(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: title);

    public static IResult Single(string field, string message) => new FieldErrors().Add(field, message).ToResult();
}

using NutPortal.Core.Networks;

namespace NutPortal.Web.Components.Shared;

/// <summary>
/// The errors a service returned for a MudForm's model, placed at the field that shows them. Each error names a
/// service field (e.g. <c>accounts.count</c>); <paramref name="fields"/> maps the model's property to it. An error
/// holds while its property keeps the value it was submitted with, so editing the field clears it; errors naming
/// no shown field are <see cref="Unplaced"/> (the form shows them in an alert).
/// </summary>
public sealed class ServerFieldErrors(object model, IReadOnlyDictionary<string, string> fields)
{
    private readonly List<(string Property, object? Submitted, ProfileError Error)> _placed = [];
    private List<ProfileError> _unplaced = [];

    public bool Any => _placed.Count > 0 || _unplaced.Count > 0;

    /// <summary>Replaces the errors with those of the latest submit.</summary>
    public void Set(IEnumerable<ProfileError> errors)
    {
        _placed.Clear();
        _unplaced = [];
        foreach (var error in errors)
        {
            if (PropertyOf(error.Field) is { } property)
            {
                _placed.Add((property, ValueOf(property), error));
            }
            else
            {
                _unplaced.Add(error);
            }
        }
    }

    /// <summary>Errors no shown field can carry: those naming no property, and those whose property <paramref name="shown"/> says is hidden.</summary>
    public IReadOnlyList<ProfileError> Unplaced(Func<string, bool>? shown = null) =>
        [.. _unplaced, .. _placed.Where(p => shown?.Invoke(p.Property) == false).Select(p => p.Error)];

    /// <summary>The errors still standing for <paramref name="property"/> (a MudForm validation path).</summary>
    public IEnumerable<string> For(string property) =>
        _placed.Where(p => p.Property == property && Equals(p.Submitted, ValueOf(property))).Select(p => p.Error.Message);

    /// <summary>The model property showing the service field, or null when the form has none.</summary>
    public string? PropertyOf(string field) => fields.FirstOrDefault(f => f.Value == field).Key;

    /// <summary>The service field a model property stands for.</summary>
    public string? FieldOf(string property) => fields.GetValueOrDefault(property);

    private object? ValueOf(string property) => model.GetType().GetProperty(property)?.GetValue(model);
}

using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace NutPortal.Web.Components.Shared;

/// <summary>
/// Base of our MudDataGrid filter-row cells (a column's FilterTemplate). MudBlazor's own filter row has an operator
/// menu button without an accessible name and an unlabelled select, which axe reports as critical; ours are labelled
/// and set one filter definition on the column, which <see cref="GridQuery"/> runs in the database.
/// </summary>
public abstract class GridColumnFilter<T> : ComponentBase
{
    [CascadingParameter] public MudDataGrid<T>? Grid { get; set; }

    /// <summary>The row property the column shows (its PropertyName).</summary>
    [Parameter, EditorRequired] public string Property { get; set; } = "";

    /// <summary>What the column holds, for the field's accessible name ("Filter by name").</summary>
    [Parameter, EditorRequired] public string Label { get; set; } = "";

    /// <summary>Replaces this column's filter (none when <paramref name="value"/> is null) and reloads the first page.</summary>
    protected async Task SetFilterAsync(string op, object? value)
    {
        if (Grid is null)
        {
            return;
        }
        Grid.FilterDefinitions.RemoveAll(f => f.Column?.PropertyName == Property);
        if (value is not null && Grid.RenderedColumns.FirstOrDefault(c => c.PropertyName == Property) is { } column)
        {
            Grid.FilterDefinitions.Add(new FilterDefinition<T> { Column = column, Operator = op, Value = value });
        }
        Grid.NavigateTo(Page.First);
        await Grid.ReloadServerData();
    }
}

using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace NutPortal.Web.Components.Shared;

/// <summary>
/// Runs a MudDataGrid's <see cref="GridState{T}"/> (sorting, column filters, paging) as one EF query in the
/// database. Grid columns are named after the row's properties; the same names are looked up on the entity,
/// so a row record projected from an entity sorts and filters by the entity's columns.
/// </summary>
public static class GridQuery
{
    /// <summary>Filters, sorts (or <paramref name="defaultOrder"/>), counts and pages; rows are entities.</summary>
    public static Task<GridData<T>> ToGridDataAsync<T>(this IQueryable<T> query, GridState<T> state,
        Func<IQueryable<T>, IOrderedQueryable<T>> defaultOrder, CancellationToken ct) =>
        query.ToGridDataAsync(state, row => row, defaultOrder, ct);

    /// <summary>Filters and sorts the entities, then projects the requested page to rows.</summary>
    public static async Task<GridData<TRow>> ToGridDataAsync<TEntity, TRow>(this IQueryable<TEntity> query, GridState<TRow> state,
        Expression<Func<TEntity, TRow>> projection, Func<IQueryable<TEntity>, IOrderedQueryable<TEntity>> defaultOrder, CancellationToken ct)
    {
        foreach (var filter in state.FilterDefinitions)
        {
            if (filter.Column?.PropertyName is { Length: > 0 } property && GridFilter.Build<TEntity>(property, filter.Operator, filter.Value) is { } predicate)
            {
                query = query.Where(predicate);
            }
        }
        var total = await query.CountAsync(ct);
        var ordered = Sort(query, state.SortDefinitions) ?? defaultOrder(query);
        var items = await ordered.Skip(state.Page * state.PageSize).Take(state.PageSize).Select(projection).ToListAsync(ct);
        return new GridData<TRow> { Items = items, TotalItems = total };
    }

    private static IOrderedQueryable<TEntity>? Sort<TEntity, TRow>(IQueryable<TEntity> query, IEnumerable<SortDefinition<TRow>> sorts)
    {
        IOrderedQueryable<TEntity>? ordered = null;
        foreach (var sort in sorts.OrderBy(s => s.Index))
        {
            var parameter = Expression.Parameter(typeof(TEntity), "e");
            var member = GridFilter.Member(parameter, sort.SortBy);
            var key = Expression.Lambda(member, parameter);
            var method = (ordered is null, sort.Descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            var source = (IQueryable<TEntity>?)ordered ?? query;
            var call = Expression.Call(typeof(Queryable), method, [typeof(TEntity), member.Type], source.Expression, Expression.Quote(key));
            ordered = (IOrderedQueryable<TEntity>)source.Provider.CreateQuery<TEntity>(call);
        }
        return ordered;
    }
}

/// <summary>One column filter of a MudDataGrid as an expression EF translates (SQLite and PostgreSQL alike).</summary>
internal static class GridFilter
{
    public static Expression<Func<T, bool>>? Build<T>(string property, string? op, object? value)
    {
        var parameter = Expression.Parameter(typeof(T), "e");
        var member = Member(parameter, property);
        var type = Nullable.GetUnderlyingType(member.Type) ?? member.Type;
        var canBeNull = !member.Type.IsValueType || Nullable.GetUnderlyingType(member.Type) is not null;
        Expression? body;
        if (op is FilterOperator.String.Empty or FilterOperator.Number.Empty or FilterOperator.DateTime.Empty)
        {
            body = type == typeof(string) ? IsNullOrEmpty(member) : canBeNull ? Expression.Equal(member, Expression.Constant(null, member.Type)) : Expression.Constant(false);
        }
        else if (op is FilterOperator.String.NotEmpty or FilterOperator.Number.NotEmpty or FilterOperator.DateTime.NotEmpty)
        {
            body = type == typeof(string) ? Expression.Not(IsNullOrEmpty(member)) : canBeNull ? Expression.NotEqual(member, Expression.Constant(null, member.Type)) : Expression.Constant(true);
        }
        else if (value is null || value is string { Length: 0 })
        {
            return null;  // a filter row the user has not filled in yet
        }
        else if (type == typeof(string))
        {
            body = StringFilter(member, op, value.ToString()!);
        }
        else
        {
            var constant = Expression.Convert(Expression.Constant(ConvertValue(value, type)), member.Type);
            body = op switch
            {
                FilterOperator.Number.Equal or FilterOperator.Enum.Is or FilterOperator.Boolean.Is or FilterOperator.DateTime.Is or FilterOperator.Guid.Equal => Expression.Equal(member, constant),
                FilterOperator.Number.NotEqual or FilterOperator.Enum.IsNot or FilterOperator.DateTime.IsNot or FilterOperator.Guid.NotEqual => Expression.NotEqual(member, constant),
                FilterOperator.Number.GreaterThan or FilterOperator.DateTime.After => Expression.GreaterThan(member, constant),
                FilterOperator.Number.GreaterThanOrEqual or FilterOperator.DateTime.OnOrAfter => Expression.GreaterThanOrEqual(member, constant),
                FilterOperator.Number.LessThan or FilterOperator.DateTime.Before => Expression.LessThan(member, constant),
                FilterOperator.Number.LessThanOrEqual or FilterOperator.DateTime.OnOrBefore => Expression.LessThanOrEqual(member, constant),
                _ => throw new NotSupportedException($"Grid filter operator '{op}' on {property} is not supported."),
            };
        }
        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    /// <summary>A (possibly dotted) property path on the entity; a name the entity lacks is a programming error.</summary>
    public static Expression Member(Expression parameter, string path)
    {
        Expression member = parameter;
        foreach (var name in path.Split('.'))
        {
            var property = member.Type.GetProperty(name)
                ?? throw new InvalidOperationException($"Grid column '{path}' has no property '{name}' on {member.Type.Name}.");
            member = Expression.Property(member, property);
        }
        return member;
    }

    // Case-insensitive on both providers: lower both sides (SQLite's instr and PostgreSQL's strpos are case-sensitive).
    private static Expression StringFilter(Expression member, string? op, string text)
    {
        var lowered = Expression.Call(Expression.Coalesce(member, Expression.Constant("")), nameof(string.ToLower), Type.EmptyTypes);
        var needle = Expression.Constant(text.ToLowerInvariant());
        Expression Call(string method) => Expression.Call(lowered, typeof(string).GetMethod(method, [typeof(string)])!, needle);
        return op switch
        {
            FilterOperator.String.Contains => Call(nameof(string.Contains)),
            FilterOperator.String.NotContains => Expression.Not(Call(nameof(string.Contains))),
            FilterOperator.String.Equal => Expression.Equal(lowered, needle),
            FilterOperator.String.NotEqual => Expression.NotEqual(lowered, needle),
            FilterOperator.String.StartsWith => Call(nameof(string.StartsWith)),
            FilterOperator.String.EndsWith => Call(nameof(string.EndsWith)),
            _ => throw new NotSupportedException($"Grid filter operator '{op}' on text is not supported."),
        };
    }

    private static BinaryExpression IsNullOrEmpty(Expression member) =>
        Expression.OrElse(Expression.Equal(member, Expression.Constant(null, typeof(string))), Expression.Equal(member, Expression.Constant("")));

    private static object ConvertValue(object value, Type type) => type switch
    {
        _ when type.IsInstanceOfType(value) => value,
        { IsEnum: true } => value is string s ? Enum.Parse(type, s, ignoreCase: true) : Enum.ToObject(type, value),
        _ when type == typeof(Guid) => Guid.Parse(value.ToString()!),
        _ when type == typeof(DateTimeOffset) => value is DateTime d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : DateTimeOffset.Parse(value.ToString()!, CultureInfo.InvariantCulture),
        _ when type == typeof(DateTime) && value is DateTimeOffset o => o.UtcDateTime,
        _ => Convert.ChangeType(value, type, CultureInfo.InvariantCulture),
    };
}

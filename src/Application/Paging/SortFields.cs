using System.Linq.Expressions;
using Ardalis.Specification;
using FluentValidation;
using Overholt.Domain.Primitives;

namespace Overholt.Application.Paging;

/// <summary>
/// The fields one list may be sorted by, each with the key it orders by: the whitelist, its validation rule and its
/// ordering, for every list in one place. <c>id</c> is always allowed and always ends the order (when the client did
/// not put it earlier), so that equal keys cannot change places between pages.
/// </summary>
public sealed class SortFields<T>
    where T : Entity
{
    public const string Id = "id";

    private readonly Dictionary<string, Expression<Func<T, object?>>> _keys;
    private readonly Dictionary<string, Func<T, object?>> _compiled;
    private readonly IReadOnlyList<SortField> _default;

    /// <param name="defaultSort">The order when the client names none, written as a client would (<c>name</c>).</param>
    /// <param name="fields">The other fields clients may sort by, by the name they use, with their keys.</param>
    public SortFields(string defaultSort, params (string Name, Expression<Func<T, object?>> Key)[] fields)
    {
        _keys = fields.ToDictionary(field => field.Name, field => field.Key, StringComparer.Ordinal);
        _keys[Id] = entity => entity.Id;
        _compiled = _keys.ToDictionary(key => key.Key, key => key.Value.Compile(), StringComparer.Ordinal);
        _default = SortOrder.Parse(defaultSort, _keys.Keys) ?? throw new ArgumentException($"'{defaultSort}' is not a sort over {string.Join(", ", _keys.Keys)}.", nameof(defaultSort));
    }

    /// <summary>The field names clients may use, as the error message and the documentation list them.</summary>
    public IReadOnlyCollection<string> Names => _keys.Keys;

    public bool IsValid(string? sort) => sort is null || SortOrder.Parse(sort, _keys.Keys) is not null;

    /// <summary>Orders the specification by <paramref name="sort"/> (already validated), or by the default, then by id.</summary>
    public void Apply(ISpecificationBuilder<T> query, string? sort)
    {
        IOrderedSpecificationBuilder<T>? ordered = null;
        foreach (var field in Order(sort))
        {
            var key = _keys[field.Name];
            ordered = (ordered, field.Descending) switch
            {
                (null, false) => query.OrderBy(key),
                (null, true) => query.OrderByDescending(key),
                (_, false) => ordered.ThenBy(key),
                (_, true) => ordered.ThenByDescending(key),
            };
        }
    }

    /// <summary>
    /// The entities that come after <paramref name="last"/> in the order <see cref="Apply"/> gives <paramref name="sort"/>:
    /// the keyset condition that reads a long list a batch at a time, each batch found by the index rather than by
    /// skipping every row before it. For <c>state,-name</c>: a later state, or the same state and an earlier name, or
    /// both the same and a higher id. The keys are never null (every sortable field is required).
    /// </summary>
    public Expression<Func<T, bool>> After(string? sort, T last)
    {
        var entity = Expression.Parameter(typeof(T), "entity");
        Expression? after = null;
        foreach (var field in Order(sort).Reverse())
        {
            var key = _keys[field.Name];
            var column = Unboxed(new ParameterReplacer(key.Parameters[0], entity).Visit(key.Body));
            // Read through a field of an object, not as a constant, so that the database sees a parameter and every batch the same statement.
            var value = Expression.Convert(Expression.Field(Expression.Constant(new KeyValue(_compiled[field.Name](last))), nameof(KeyValue.Value)), column.Type);
            var beyond = Beyond(column, value, field.Descending);
            after = after is null ? beyond : Expression.OrElse(beyond, Expression.AndAlso(Expression.Equal(column, value), after));
        }

        return Expression.Lambda<Func<T, bool>>(after!, entity);
    }

    private IReadOnlyList<SortField> Order(string? sort)
    {
        var fields = (sort is null ? null : SortOrder.Parse(sort, _keys.Keys)) ?? _default;
        return fields.Any(field => field.Name == Id) ? fields : [.. fields, new SortField(Id, Descending: false)];
    }

    /// <summary>After in the order: greater ascending, less descending (strings compared as the database orders them).</summary>
    private static BinaryExpression Beyond(Expression column, Expression value, bool descending)
    {
        if (column.Type != typeof(string))
            return descending ? Expression.LessThan(column, value) : Expression.GreaterThan(column, value);
        var compared = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, column, value);
        var zero = Expression.Constant(0);
        return descending ? Expression.LessThan(compared, zero) : Expression.GreaterThan(compared, zero);
    }

    /// <summary>The key as its own type: a value-typed key is boxed to fit <c>Func&lt;T, object?&gt;</c>.</summary>
    private static Expression Unboxed(Expression key) =>
        key is UnaryExpression { NodeType: ExpressionType.Convert } boxed && boxed.Type == typeof(object) ? boxed.Operand : key;

    private sealed class KeyValue(object? value)
    {
        public readonly object? Value = value;
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

/// <summary>The validation rule of a <see cref="ISortedRequest.Sort"/>.</summary>
public static class SortRules
{
    public static IRuleBuilderOptions<TRequest, string?> SortOver<TRequest, T>(this IRuleBuilder<TRequest, string?> rule, SortFields<T> fields)
        where T : Entity =>
        rule.Must(fields.IsValid)
            .WithMessage($"'{{PropertyName}}' must be fields separated by commas, each at most once and preceded by '-' to sort descending, from: {string.Join(", ", fields.Names)}.");
}

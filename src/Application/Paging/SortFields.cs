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
    private readonly IReadOnlyList<SortField> _default;

    /// <param name="defaultSort">The order when the client names none, written as a client would (<c>name</c>).</param>
    /// <param name="fields">The other fields clients may sort by, by the name they use, with their keys.</param>
    public SortFields(string defaultSort, params (string Name, Expression<Func<T, object?>> Key)[] fields)
    {
        _keys = fields.ToDictionary(field => field.Name, field => field.Key, StringComparer.Ordinal);
        _keys[Id] = entity => entity.Id;
        _default = SortOrder.Parse(defaultSort, _keys.Keys) ?? throw new ArgumentException($"'{defaultSort}' is not a sort over {string.Join(", ", _keys.Keys)}.", nameof(defaultSort));
    }

    /// <summary>The field names clients may use, as the error message and the documentation list them.</summary>
    public IReadOnlyCollection<string> Names => _keys.Keys;

    public bool IsValid(string? sort) => sort is null || SortOrder.Parse(sort, _keys.Keys) is not null;

    /// <summary>Orders the specification by <paramref name="sort"/> (already validated), or by the default, then by id.</summary>
    public void Apply(ISpecificationBuilder<T> query, string? sort)
    {
        var fields = (sort is null ? null : SortOrder.Parse(sort, _keys.Keys)) ?? _default;
        if (!fields.Any(field => field.Name == Id))
            fields = [.. fields, new SortField(Id, Descending: false)];

        IOrderedSpecificationBuilder<T>? ordered = null;
        foreach (var field in fields)
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
}

/// <summary>The validation rule of a <see cref="ISortedRequest.Sort"/>.</summary>
public static class SortRules
{
    public static IRuleBuilderOptions<TRequest, string?> SortOver<TRequest, T>(this IRuleBuilder<TRequest, string?> rule, SortFields<T> fields)
        where T : Entity =>
        rule.Must(fields.IsValid)
            .WithMessage($"'{{PropertyName}}' must be fields separated by commas, each at most once and preceded by '-' to sort descending, from: {string.Join(", ", fields.Names)}.");
}

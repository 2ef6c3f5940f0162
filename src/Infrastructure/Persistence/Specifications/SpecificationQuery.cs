using Ardalis.Specification;

namespace Overholt.Infrastructure.Persistence.Specifications;

/// <summary>
/// Turns an Ardalis specification into an EF Core query, for the parts of a specification this application uses:
/// criteria, search (SQL LIKE), includes, ordering, paging, split queries and a selector. The core package's
/// evaluators are reused where they are provider-neutral; Ardalis.Specification.EntityFrameworkCore is not on our
/// package source.
/// </summary>
internal static class SpecificationQuery
{
    private static readonly IEvaluator[] Evaluators =
    [
        WhereEvaluator.Instance,
        LikeSearchEvaluator.Instance,
        IncludeEvaluator.Instance,
        OrderEvaluator.Instance,
        PaginationEvaluator.Instance,
        SplitQueryEvaluator.Instance,
    ];

    /// <summary>The query the specification describes; with <paramref name="criteriaOnly"/>, only what filters (for counts and existence).</summary>
    public static IQueryable<T> Apply<T>(IQueryable<T> query, ISpecification<T> specification, bool criteriaOnly = false)
        where T : class
    {
        foreach (var evaluator in Evaluators)
        {
            if (!criteriaOnly || evaluator.IsCriteriaEvaluator)
                query = evaluator.GetQuery(query, specification);
        }

        return query;
    }

    /// <summary>The specification's order (and its split queries) over rows already chosen, without filtering them again.</summary>
    public static IQueryable<T> ApplyOrder<T>(IQueryable<T> query, ISpecification<T> specification)
        where T : class =>
        SplitQueryEvaluator.Instance.GetQuery(OrderEvaluator.Instance.GetQuery(query, specification), specification);

    public static IQueryable<TResult> Apply<T, TResult>(IQueryable<T> query, ISpecification<T, TResult> specification)
        where T : class =>
        Apply(query, (ISpecification<T>)specification).Select(specification.Selector
            ?? throw new InvalidOperationException($"{specification.GetType().Name} selects nothing: give it a Select."));
}

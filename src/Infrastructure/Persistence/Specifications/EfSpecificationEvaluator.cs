using Ardalis.Specification;

namespace Overholt.Infrastructure.Persistence.Specifications;

/// <summary>
/// Turns an Ardalis specification into an EF Core query: what Ardalis.Specification.EntityFrameworkCore would do,
/// which our package source lacks. Criteria, search (SQL LIKE), includes, ordering, paging, tracking, split queries,
/// query filters, tags and projection; the core package's evaluators are reused where they are provider-neutral.
/// </summary>
public sealed class EfSpecificationEvaluator : ISpecificationEvaluator
{
    public static readonly EfSpecificationEvaluator Instance = new();

    private static readonly IEvaluator[] Evaluators =
    [
        WhereEvaluator.Instance,
        LikeSearchEvaluator.Instance,
        IncludeEvaluator.Instance,
        OrderEvaluator.Instance,
        PaginationEvaluator.Instance,
        QueryBehaviourEvaluator.Instance,
    ];

    public IQueryable<TResult> GetQuery<T, TResult>(IQueryable<T> query, ISpecification<T, TResult> specification)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(specification);
        if (specification.Selector is null && specification.SelectorMany is null)
            throw new InvalidOperationException($"{specification.GetType().Name} has no Select or SelectMany.");
        if (specification.Selector is not null && specification.SelectorMany is not null)
            throw new InvalidOperationException($"{specification.GetType().Name} has both Select and SelectMany.");

        var filtered = GetQuery(query, (ISpecification<T>)specification);
        return specification.Selector is not null
            ? filtered.Select(specification.Selector)
            : filtered.SelectMany(specification.SelectorMany!);
    }

    public IQueryable<T> GetQuery<T>(IQueryable<T> query, ISpecification<T> specification, bool evaluateCriteriaOnly = false)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(specification);
        foreach (var evaluator in Evaluators)
        {
            if (evaluateCriteriaOnly && !evaluator.IsCriteriaEvaluator)
                continue;
            query = evaluator.GetQuery(query, specification);
        }

        return query;
    }
}

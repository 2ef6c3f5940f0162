using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;

namespace Overholt.Infrastructure.Persistence.Specifications;

/// <summary>Split queries: a specification that loads collections asks for one statement per collection instead of a cartesian join.</summary>
internal sealed class SplitQueryEvaluator : IEvaluator
{
    public static readonly SplitQueryEvaluator Instance = new();

    public bool IsCriteriaEvaluator => false;

    public IQueryable<T> GetQuery<T>(IQueryable<T> query, ISpecification<T> specification)
        where T : class =>
        specification.AsSplitQuery ? query.AsSplitQuery() : query;
}

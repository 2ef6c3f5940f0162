using System.Linq.Expressions;
using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using Overholt.Application.Persistence;

namespace Overholt.Infrastructure.Persistence.Specifications;

/// <summary>
/// Search criteria become SQL LIKE: OR within a search group, AND across groups. Both sides are lower-cased so that
/// search is case-insensitive on every provider (PostgreSQL's LIKE is case-sensitive, SQLite's is not). Patterns come
/// from <see cref="SearchPattern"/>, with its escape character, and reach the database as parameters.
/// </summary>
internal sealed class LikeSearchEvaluator : IEvaluator
{
    public static readonly LikeSearchEvaluator Instance = new();

    private static readonly System.Reflection.MethodInfo LikeMethod = typeof(DbFunctionsExtensions)
        .GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly System.Reflection.MethodInfo ToLowerMethod = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;

    public bool IsCriteriaEvaluator => true;

    public IQueryable<T> GetQuery<T>(IQueryable<T> query, ISpecification<T> specification)
        where T : class
    {
        foreach (var group in specification.SearchCriterias.GroupBy(criteria => criteria.SearchGroup))
        {
            var parameter = Expression.Parameter(typeof(T), "entity");
            Expression? anyMatches = null;
            foreach (var criteria in group)
            {
                var selected = new ParameterReplacer(criteria.Selector.Parameters[0], parameter).Visit(criteria.Selector.Body);
                var like = Expression.Call(
                    LikeMethod,
                    Expression.Property(null, typeof(EF), nameof(EF.Functions)),
                    Expression.Call(selected, ToLowerMethod),
                    AsParameter(criteria.SearchTerm.ToLowerInvariant()),
                    Expression.Constant(SearchPattern.EscapeCharacter));
                anyMatches = anyMatches is null ? like : Expression.OrElse(anyMatches, like);
            }

            query = query.Where(Expression.Lambda<Func<T, bool>>(anyMatches!, parameter));
        }

        return query;
    }

    /// <summary>
    /// The pattern as a captured variable, which EF turns into a statement parameter. A constant would be written into
    /// the SQL: every distinct search would be new SQL text, compiled by EF and prepared by the database again.
    /// </summary>
    private static Expression AsParameter(string pattern)
    {
        Expression<Func<string>> captured = () => pattern;
        return captured.Body;
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

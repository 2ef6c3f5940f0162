using System.Reflection;
using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;

namespace Overholt.Infrastructure.Persistence.Specifications;

/// <summary>
/// Applies a specification's Include expressions. One level only: no specification here chains ThenInclude, so one
/// that does is refused rather than half-applied. The navigation's type is known at run time, hence the generic method.
/// </summary>
internal sealed class IncludeEvaluator : IEvaluator
{
    public static readonly IncludeEvaluator Instance = new();

    private static readonly MethodInfo IncludeMethod = typeof(EntityFrameworkQueryableExtensions).GetTypeInfo()
        .GetDeclaredMethods(nameof(EntityFrameworkQueryableExtensions.Include))
        .Single(method => method.GetParameters()[1].ParameterType != typeof(string));

    public bool IsCriteriaEvaluator => false;

    public IQueryable<T> GetQuery<T>(IQueryable<T> query, ISpecification<T> specification)
        where T : class
    {
        foreach (var include in specification.IncludeExpressions)
        {
            if (include.Type != IncludeTypeEnum.Include)
                throw new NotSupportedException($"{specification.GetType().Name} chains ThenInclude, which is not supported here.");
            var lambda = include.LambdaExpression;
            query = (IQueryable<T>)IncludeMethod.MakeGenericMethod(typeof(T), lambda.ReturnType).Invoke(null, [query, lambda])!;
        }

        return query;
    }
}

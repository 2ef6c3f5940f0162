using System.Reflection;
using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;

namespace Overholt.Infrastructure.Persistence.Specifications;

/// <summary>Applies Include/ThenInclude expressions and include strings. Include chains are typed at run time, hence the generic method lookups.</summary>
internal sealed class IncludeEvaluator : IEvaluator
{
    public static readonly IncludeEvaluator Instance = new();

    private static readonly MethodInfo IncludeMethod = typeof(EntityFrameworkQueryableExtensions).GetTypeInfo()
        .GetDeclaredMethods(nameof(EntityFrameworkQueryableExtensions.Include))
        .Single(method => method.GetParameters()[1].ParameterType != typeof(string));

    private static readonly MethodInfo ThenIncludeAfterCollectionMethod = ThenIncludeOverload(afterCollection: true);

    private static readonly MethodInfo ThenIncludeAfterReferenceMethod = ThenIncludeOverload(afterCollection: false);

    public bool IsCriteriaEvaluator => false;

    public IQueryable<T> GetQuery<T>(IQueryable<T> query, ISpecification<T> specification)
        where T : class
    {
        foreach (var includeString in specification.IncludeStrings)
            query = query.Include(includeString);

        foreach (var include in specification.IncludeExpressions)
        {
            var lambda = include.LambdaExpression;
            if (include.Type == IncludeTypeEnum.Include)
            {
                query = (IQueryable<T>)IncludeMethod.MakeGenericMethod(typeof(T), lambda.ReturnType).Invoke(null, [query, lambda])!;
                continue;
            }

            var previous = include.PreviousPropertyType!;
            var previousElement = CollectionElementType(previous);
            var method = previousElement is not null
                ? ThenIncludeAfterCollectionMethod.MakeGenericMethod(typeof(T), previousElement, lambda.ReturnType)
                : ThenIncludeAfterReferenceMethod.MakeGenericMethod(typeof(T), previous, lambda.ReturnType);
            query = (IQueryable<T>)method.Invoke(null, [query, lambda])!;
        }

        return query;
    }

    private static Type? CollectionElementType(Type type)
    {
        if (type == typeof(string))
            return null;
        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    private static MethodInfo ThenIncludeOverload(bool afterCollection) =>
        typeof(EntityFrameworkQueryableExtensions).GetTypeInfo()
            .GetDeclaredMethods(nameof(EntityFrameworkQueryableExtensions.ThenInclude))
            .Single(method =>
            {
                var previous = method.GetParameters()[0].ParameterType.GetGenericArguments()[1];
                var isCollection = previous.IsGenericType && previous.GetGenericTypeDefinition() == typeof(IEnumerable<>);
                return isCollection == afterCollection;
            });
}

/// <summary>Tracking, split queries, query filters, auto-includes and tags.</summary>
internal sealed class QueryBehaviourEvaluator : IEvaluator
{
    public static readonly QueryBehaviourEvaluator Instance = new();

    public bool IsCriteriaEvaluator => false;

    public IQueryable<T> GetQuery<T>(IQueryable<T> query, ISpecification<T> specification)
        where T : class
    {
        if (specification.AsNoTracking)
            query = query.AsNoTracking();
        else if (specification.AsNoTrackingWithIdentityResolution)
            query = query.AsNoTrackingWithIdentityResolution();
        else if (specification.AsTracking)
            query = query.AsTracking();

        if (specification.AsSplitQuery)
            query = query.AsSplitQuery();
        if (specification.IgnoreQueryFilters)
            query = query.IgnoreQueryFilters();
        if (specification.IgnoreAutoIncludes)
            query = query.IgnoreAutoIncludes();
        foreach (var tag in specification.QueryTags)
            query = query.TagWith(tag);

        return query;
    }
}


using System.Collections.Concurrent;
using System.Linq.Expressions;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using Overholt.Domain.Primitives;

namespace Overholt.Infrastructure.Persistence;

/// <summary>
/// "The DTO of the entity with this id", compiled by EF once per entity and DTO type: the hottest reads skip building
/// the LINQ query, AutoMapper's projection and EF's query-cache lookup on every request. The projection is AutoMapper's,
/// so the mapping profiles stay the one place that says what a DTO holds.
/// </summary>
internal sealed class CompiledProjections(IConfigurationProvider mapping)
{
    private readonly ConcurrentDictionary<(Type Entity, Type Result), object> _byId = new();

    public Task<TResult?> ByIdAsync<T, TResult>(OverholtDbContext db, int id, CancellationToken cancellationToken)
        where T : Entity
    {
        var query = (Func<OverholtDbContext, int, CancellationToken, Task<TResult?>>)_byId.GetOrAdd((typeof(T), typeof(TResult)), _ => CompileById<T, TResult>());
        return query(db, id, cancellationToken);
    }

    private Func<OverholtDbContext, int, CancellationToken, Task<TResult?>> CompileById<T, TResult>()
        where T : Entity
    {
        Expression<Func<OverholtDbContext, int, IQueryable<T>>> withId = (db, id) => db.Set<T>().AsNoTracking().Where(entity => entity.Id == id);
        var projected = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(T), typeof(TResult)], withId.Body, Expression.Quote(ProjectionOf<T, TResult>()));
        var first = Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(TResult)], projected);
        var cancellation = Expression.Parameter(typeof(CancellationToken), "cancellationToken");
        return EF.CompileAsyncQuery(Expression.Lambda<Func<OverholtDbContext, int, CancellationToken, TResult?>>(first, [.. withId.Parameters, cancellation]));
    }

    /// <summary>AutoMapper's projection lambda, taken from the Select it puts on a query.</summary>
    private LambdaExpression ProjectionOf<T, TResult>()
    {
        var source = Enumerable.Empty<T>().AsQueryable();
        var expression = source.ProjectTo<TResult>(mapping).Expression;
        if (expression is MethodCallExpression { Method.Name: nameof(Queryable.Select), Arguments: [var from, UnaryExpression { Operand: LambdaExpression projection }] }
            && from == source.Expression)
            return projection;
        throw new NotSupportedException($"The projection of {typeof(T).Name} to {typeof(TResult).Name} is not a single Select: read it through a specification instead.");
    }
}

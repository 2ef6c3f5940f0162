using Ardalis.Specification;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using Overholt.Application.Paging;
using Overholt.Application.Persistence;
using Overholt.Domain.Primitives;
using Overholt.Infrastructure.Persistence.Specifications;

namespace Overholt.Infrastructure.Persistence;

/// <summary>
/// The repository the Ardalis EF package would provide, over <see cref="OverholtDbContext"/>. Writes save at once,
/// inside the command's transaction (see <see cref="UnitOfWork"/>); ProjectTo reads never track.
/// </summary>
internal sealed class EfRepository<T>(OverholtDbContext db, IConfigurationProvider mapping) : IRepository<T>
    where T : Entity
{
    private static readonly EfSpecificationEvaluator Evaluator = EfSpecificationEvaluator.Instance;

    private DbSet<T> Set => db.Set<T>();

    public async Task<T> AddAsync(T entity, CancellationToken cancellationToken = default)
    {
        Set.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return entity;
    }

    public async Task<IEnumerable<T>> AddRangeAsync(IEnumerable<T> entities, CancellationToken cancellationToken = default)
    {
        var added = entities.ToList();
        Set.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    public Task<int> UpdateAsync(T entity, CancellationToken cancellationToken = default)
    {
        AttachIfDetached(entity);
        return db.SaveChangesAsync(cancellationToken);
    }

    public Task<int> UpdateRangeAsync(IEnumerable<T> entities, CancellationToken cancellationToken = default)
    {
        foreach (var entity in entities)
            AttachIfDetached(entity);
        return db.SaveChangesAsync(cancellationToken);
    }

    public Task<int> DeleteAsync(T entity, CancellationToken cancellationToken = default)
    {
        Set.Remove(entity);
        return db.SaveChangesAsync(cancellationToken);
    }

    public Task<int> DeleteRangeAsync(IEnumerable<T> entities, CancellationToken cancellationToken = default)
    {
        Set.RemoveRange(entities);
        return db.SaveChangesAsync(cancellationToken);
    }

    public async Task<int> DeleteRangeAsync(ISpecification<T> specification, CancellationToken cancellationToken = default)
    {
        Set.RemoveRange(await Query(specification).ToListAsync(cancellationToken));
        return await db.SaveChangesAsync(cancellationToken);
    }

    public Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => db.SaveChangesAsync(cancellationToken);

    public async Task<T?> GetByIdAsync<TId>(TId id, CancellationToken cancellationToken = default)
        where TId : notnull =>
        await Set.FindAsync([id], cancellationToken);

    public Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Query(specification).FirstOrDefaultAsync(cancellationToken);

    public Task<TResult?> FirstOrDefaultAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default) =>
        Query(specification).FirstOrDefaultAsync(cancellationToken);

    public Task<T?> SingleOrDefaultAsync(ISingleResultSpecification<T> specification, CancellationToken cancellationToken = default) =>
        Query(specification).SingleOrDefaultAsync(cancellationToken);

    public Task<TResult?> SingleOrDefaultAsync<TResult>(ISingleResultSpecification<T, TResult> specification, CancellationToken cancellationToken = default) =>
        Query(specification).SingleOrDefaultAsync(cancellationToken);

    public Task<List<T>> ListAsync(CancellationToken cancellationToken = default) => Set.ToListAsync(cancellationToken);

    public async Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default)
    {
        var items = await Query(specification).ToListAsync(cancellationToken);
        return specification.PostProcessingAction is null ? items : specification.PostProcessingAction(items).ToList();
    }

    public async Task<List<TResult>> ListAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default)
    {
        var items = await Query(specification).ToListAsync(cancellationToken);
        return specification.PostProcessingAction is null ? items : specification.PostProcessingAction(items).ToList();
    }

    public Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Evaluator.GetQuery(Set, specification, evaluateCriteriaOnly: true).CountAsync(cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken = default) => Set.CountAsync(cancellationToken);

    public Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Evaluator.GetQuery(Set, specification, evaluateCriteriaOnly: true).AnyAsync(cancellationToken);

    public Task<bool> AnyAsync(CancellationToken cancellationToken = default) => Set.AnyAsync(cancellationToken);

    public IAsyncEnumerable<T> AsAsyncEnumerable(ISpecification<T> specification) => Query(specification).AsAsyncEnumerable();

    public Task<TResult?> ProjectToFirstOrDefaultAsync<TResult>(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Query(specification).AsNoTracking().ProjectTo<TResult>(mapping).FirstOrDefaultAsync(cancellationToken);

    public Task<List<TResult>> ProjectToListAsync<TResult>(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Query(specification).AsNoTracking().ProjectTo<TResult>(mapping).ToListAsync(cancellationToken);

    public async Task<Page<TResult>> ProjectToPageAsync<TResult>(ISpecification<T> specification, IPagedRequest page, CancellationToken cancellationToken = default)
    {
        var total = await CountAsync(specification, cancellationToken);
        var items = await Query(specification)
            .AsNoTracking()
            .Skip((page.Page - 1) * page.PageSize)
            .Take(page.PageSize)
            .ProjectTo<TResult>(mapping)
            .ToListAsync(cancellationToken);
        return new Page<TResult>(items, page.Page, page.PageSize, total);
    }

    private IQueryable<T> Query(ISpecification<T> specification) => Evaluator.GetQuery(Set, specification);

    private IQueryable<TResult> Query<TResult>(ISpecification<T, TResult> specification) => Evaluator.GetQuery(Set, specification);

    private void AttachIfDetached(T entity)
    {
        // Update() on a tracked graph would mark every reachable entity modified; tracked changes are already known.
        if (db.Entry(entity).State == EntityState.Detached)
            Set.Update(entity);
    }
}

using System.Linq.Expressions;
using System.Runtime.CompilerServices;
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
/// <see cref="IRepository{T}"/> over <see cref="OverholtDbContext"/>. Adds and deletes save at once, as the command's last
/// save (see <see cref="UnitOfWork"/>); ProjectTo reads never track.
/// </summary>
internal sealed class EfRepository<T>(OverholtDbContext db, IConfigurationProvider mapping, CompiledProjections compiled) : IRepository<T>
    where T : Entity
{
    private DbSet<T> Set => db.Set<T>();

    public async Task<T> AddAsync(T entity, CancellationToken cancellationToken = default)
    {
        await Set.AddAsync(entity, cancellationToken); // a hi-lo key may need the next block from its sequence
        await db.SaveLastAsync(cancellationToken);
        return entity;
    }

    public async Task DeleteAsync(T entity, CancellationToken cancellationToken = default)
    {
        Set.Remove(entity);
        await db.SaveLastAsync(cancellationToken);
    }

    public Task<T?> GetByIdAsync(int id, CancellationToken cancellationToken = default) =>
        Set.FirstOrDefaultAsync(entity => entity.Id == id, cancellationToken);

    public Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Query(specification).FirstOrDefaultAsync(cancellationToken);

    public Task<TResult?> FirstOrDefaultAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default) =>
        SpecificationQuery.Apply(Set, specification).FirstOrDefaultAsync(cancellationToken);

    public Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Query(specification).ToListAsync(cancellationToken);

    public Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        SpecificationQuery.Apply(Set, specification, criteriaOnly: true).AnyAsync(cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken = default) => Set.CountAsync(cancellationToken);

    public Task<TResult?> ProjectByIdAsync<TResult>(int id, CancellationToken cancellationToken = default) =>
        compiled.ByIdAsync<T, TResult>(db, id, cancellationToken);

    public Task<TResult?> ProjectToFirstOrDefaultAsync<TResult>(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Projected<TResult>(specification).FirstOrDefaultAsync(cancellationToken);

    public Task<List<TResult>> ProjectToListAsync<TResult>(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Projected<TResult>(specification).ToListAsync(cancellationToken);

    public Task<Page<TResult>> ProjectToPageAsync<TResult>(ISpecification<T> specification, IPagedRequest page, CancellationToken cancellationToken = default) =>
        Projected<TResult>(specification).ToPageAsync(SpecificationQuery.Apply(Set, specification, criteriaOnly: true), page, cancellationToken);

    public async IAsyncEnumerable<IReadOnlyList<TResult>> ProjectToBatchesAsync<TResult>(
        ISpecification<T> specification, Func<T, Expression<Func<T, bool>>> after, int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        T? last = null;
        while (true)
        {
            // The batch's entities alone (no collections), untracked: their ids, and the keys of the last for the next batch.
            var matches = Query(specification).AsNoTracking();
            if (last is not null)
                matches = matches.Where(after(last));
            var batch = await matches.Take(batchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
                yield break;

            var ids = batch.ConvertAll(entity => entity.Id);
            yield return await SpecificationQuery.ApplyOrder(Set.Where(entity => ids.Contains(entity.Id)), specification)
                .AsNoTracking()
                .ProjectTo<TResult>(mapping)
                .ToListAsync(cancellationToken);
            if (batch.Count < batchSize)
                yield break;
            last = batch[^1];
        }
    }

    private IQueryable<T> Query(ISpecification<T> specification) => SpecificationQuery.Apply(Set, specification);

    private IQueryable<TResult> Projected<TResult>(ISpecification<T> specification) =>
        Query(specification).AsNoTracking().ProjectTo<TResult>(mapping);
}

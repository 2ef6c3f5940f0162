using System.Linq.Expressions;
using Ardalis.Specification;
using Overholt.Application.Paging;
using Overholt.Domain.Primitives;

namespace Overholt.Application.Persistence;

/// <summary>
/// Reads one kind of aggregate through specifications. Entities come back tracked, for a command to change; the
/// ProjectTo methods read DTOs without tracking, selecting only what the DTO needs.
/// </summary>
public interface IReadRepository<T>
    where T : Entity
{
    Task<T?> GetByIdAsync(int id, CancellationToken cancellationToken = default);

    Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    Task<TResult?> FirstOrDefaultAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default);

    Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    Task<int> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>The entity with this id as a <typeparamref name="TResult"/>, by a query compiled once (the hot single-resource reads).</summary>
    Task<TResult?> ProjectByIdAsync<TResult>(int id, CancellationToken cancellationToken = default);

    Task<TResult?> ProjectToFirstOrDefaultAsync<TResult>(ISpecification<T> specification, CancellationToken cancellationToken = default);

    Task<List<TResult>> ProjectToListAsync<TResult>(ISpecification<T> specification, CancellationToken cancellationToken = default);

    /// <summary>One page of the specification's results, with the total count of matches.</summary>
    Task<Page<TResult>> ProjectToPageAsync<TResult>(ISpecification<T> specification, IPagedRequest page, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every match of the specification, in its order, a batch of <paramref name="batchSize"/> at a time as the caller
    /// enumerates: only one batch is held, and each costs the same statements (the next batch is found by
    /// <paramref name="after"/>, the keyset condition of the specification's order, never by an offset). Not a snapshot:
    /// a row changed during the read may be missed or read twice.
    /// </summary>
    /// <param name="specification">The filters and the order.</param>
    /// <param name="after">The condition for the entities after the given one in the specification's order (<see cref="SortFields{T}.After"/>).</param>
    /// <param name="batchSize">How many matches a batch holds.</param>
    /// <param name="cancellationToken">Ends the reads when the request is abandoned.</param>
    IAsyncEnumerable<IReadOnlyList<TResult>> ProjectToBatchesAsync<TResult>(
        ISpecification<T> specification, Func<T, Expression<Func<T, bool>>> after, int batchSize, CancellationToken cancellationToken = default);
}

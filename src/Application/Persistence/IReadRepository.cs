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
}

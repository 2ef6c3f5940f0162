using Ardalis.Specification;
using Overholt.Application.Paging;
using Overholt.Domain.Primitives;

namespace Overholt.Application.Persistence;

/// <summary>Reads one kind of aggregate through specifications; the ProjectTo methods read DTOs without tracking.</summary>
public interface IReadRepository<T> : IReadRepositoryBase<T>
    where T : Entity
{
    Task<TResult?> ProjectToFirstOrDefaultAsync<TResult>(ISpecification<T> specification, CancellationToken cancellationToken = default);

    Task<List<TResult>> ProjectToListAsync<TResult>(ISpecification<T> specification, CancellationToken cancellationToken = default);

    /// <summary>One page of the specification's results, with the total count of matches.</summary>
    Task<Page<TResult>> ProjectToPageAsync<TResult>(ISpecification<T> specification, IPagedRequest page, CancellationToken cancellationToken = default);
}

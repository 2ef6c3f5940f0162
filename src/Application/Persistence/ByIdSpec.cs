using Ardalis.Specification;
using Overholt.Domain.Primitives;

namespace Overholt.Application.Persistence;

/// <summary>The one entity with the given id.</summary>
public sealed class ByIdSpec<T> : Specification<T>, ISingleResultSpecification<T>
    where T : Entity
{
    public ByIdSpec(int id) => Query.Where(entity => entity.Id == id);
}

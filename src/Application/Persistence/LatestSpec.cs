using Ardalis.Specification;
using Overholt.Domain.Primitives;

namespace Overholt.Application.Persistence;

/// <summary>The most recently created entities (highest ids first).</summary>
public sealed class LatestSpec<T> : Specification<T>
    where T : Entity
{
    public LatestSpec(int count) => Query.OrderByDescending(entity => entity.Id).Take(count).AsSplitQuery();
}

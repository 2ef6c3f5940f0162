using Overholt.Application.Errors;
using Overholt.Domain.Primitives;

namespace Overholt.Application.Concurrency;

/// <summary>
/// A change that may only be made to one of the given versions of an entity (HTTP <c>If-Match</c>, or the version an
/// edit form was opened at). Commands carry it as null when the change is unconditional.
/// </summary>
public sealed record VersionCondition(IReadOnlySet<int> AcceptedVersions)
{
    public static VersionCondition Is(int version) => new(new HashSet<int> { version });

    /// <summary>Refuses the change when the entity has moved on. The save re-checks the version in the database, so a
    /// change committed between this check and the save is refused too.</summary>
    public void Ensure(Entity entity, string resource)
    {
        if (!AcceptedVersions.Contains(entity.Version))
            throw new PreconditionFailedException(resource, entity.Id);
    }
}

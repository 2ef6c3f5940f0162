using Overholt.Domain.Primitives;

namespace Overholt.Application.Persistence;

/// <summary>
/// Reads and writes one kind of aggregate. Changes to an entity it returned need no call: the unit-of-work behaviour
/// saves them when the command's handler returns. Adding and deleting save at once (an added entity gets its id), as the
/// command's last save: a command changes nothing after them.
/// </summary>
public interface IRepository<T> : IReadRepository<T>
    where T : Entity
{
    Task<T> AddAsync(T entity, CancellationToken cancellationToken = default);

    Task DeleteAsync(T entity, CancellationToken cancellationToken = default);
}

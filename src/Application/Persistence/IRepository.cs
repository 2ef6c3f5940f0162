using Ardalis.Specification;
using Overholt.Domain.Primitives;

namespace Overholt.Application.Persistence;

/// <summary>
/// Reads and writes one kind of aggregate. Writes are saved at once but inside the command's transaction,
/// which the unit-of-work behaviour commits after the handler returns.
/// </summary>
public interface IRepository<T> : IRepositoryBase<T>, IReadRepository<T>
    where T : Entity;

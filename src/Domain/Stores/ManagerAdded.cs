using Overholt.Domain.Primitives;

namespace Overholt.Domain.Stores;

/// <summary>A user became a manager of a store; the user is to be told by email.</summary>
public sealed record ManagerAdded(int StoreId, int UserId) : IDomainEvent;

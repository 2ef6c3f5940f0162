using Overholt.Domain.Primitives;

namespace Overholt.Domain.Stores;

/// <summary>A user stopped being a manager of a store; the user is to be told by email.</summary>
public sealed record ManagerRemoved(int StoreId, int UserId) : IDomainEvent;

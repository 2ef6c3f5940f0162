namespace Overholt.Domain.Primitives;

/// <summary>Something that happened in the domain that other parts of the system may react to.</summary>
public interface IDomainEvent;

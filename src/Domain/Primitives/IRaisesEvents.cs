namespace Overholt.Domain.Primitives;

/// <summary>Something whose changes raise domain events, saved to the outbox with the change that raised them.</summary>
public interface IRaisesEvents
{
    IReadOnlyList<IDomainEvent> DomainEvents { get; }

    void ClearDomainEvents();
}

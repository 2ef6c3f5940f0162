namespace Overholt.Domain.Primitives;

/// <summary>An object with an identity that outlives changes to its attributes; ids are assigned by the database.</summary>
public abstract class Entity
{
    private readonly List<IDomainEvent> _domainEvents = [];

    public int Id { get; protected set; }

    /// <summary>Events raised by the entity's rules since it was loaded, for whoever reacts to them once the change is committed.</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    public void ClearDomainEvents() => _domainEvents.Clear();

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);
}

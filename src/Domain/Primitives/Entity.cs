namespace Overholt.Domain.Primitives;

/// <summary>An object with an identity that outlives changes to its attributes; ids are assigned by the database.</summary>
public abstract class Entity : IRaisesEvents
{
    private readonly List<IDomainEvent> _domainEvents = [];

    public int Id { get; protected set; }

    /// <summary>
    /// Counts the changes made to the entity through its rules. Saved as a concurrency token: a save based on an older
    /// version is refused, so two concurrent changes cannot silently overwrite each other.
    /// </summary>
    public int Version { get; private set; }

    /// <summary>Events raised by the entity's rules since it was loaded, for whoever reacts to them once the change is committed.</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    public void ClearDomainEvents() => _domainEvents.Clear();

    /// <summary>Called by every rule that changes the entity (or what it owns), so that its version moves on.</summary>
    protected void Changed() => Version++;

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);
}

namespace Overholt.Application.Concurrency;

/// <summary>A read of one resource with the version it had, for conditional requests (the HTTP ETag) and edit forms.</summary>
public sealed class Versioned<T>
{
    public required T Value { get; init; }

    public int Version { get; init; }

    private object? _representation;

    /// <summary>
    /// What the API made of this answer to send it (its bytes and tag), kept with the answer: one that the read cache
    /// keeps is serialized once however often it is sent, and its bytes go when the cache drops it. Opaque here, and
    /// methods rather than a property, so that no mapping ever writes into it.
    /// </summary>
    public object? KeptRepresentation() => _representation;

    /// <summary>Keeps <see cref="KeptRepresentation"/>; two first sends at once may both make it, the same.</summary>
    public void Keep(object representation) => _representation = representation;

    public void Deconstruct(out T value, out int version) => (value, version) = (Value, Version);
}

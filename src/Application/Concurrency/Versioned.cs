namespace Overholt.Application.Concurrency;

/// <summary>A read of one resource with the version it had, for conditional requests (the HTTP ETag) and edit forms.</summary>
public sealed class Versioned<T>
{
    public required T Value { get; init; }

    public int Version { get; init; }

    public void Deconstruct(out T value, out int version) => (value, version) = (Value, Version);
}

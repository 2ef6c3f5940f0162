namespace Overholt.Application.Stores;

/// <summary>A store's details as a request carries them: each a line of plain text (see ADR 0009).</summary>
public interface IStoreDetails
{
    string? Name { get; }

    string? Address { get; }

    string? City { get; }

    string? State { get; }

    string? ZipCode { get; }
}

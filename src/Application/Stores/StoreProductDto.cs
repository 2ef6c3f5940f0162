namespace Overholt.Application.Stores;

/// <summary>A product as listed on a store.</summary>
public sealed class StoreProductDto
{
    public int Id { get; init; }

    public required string Name { get; init; }
}

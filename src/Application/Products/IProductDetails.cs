namespace Overholt.Application.Products;

/// <summary>A product's details as a request carries them: its name and the ids of its categories.</summary>
public interface IProductDetails
{
    string? Name { get; }

    IReadOnlyList<int>? Categories { get; }
}

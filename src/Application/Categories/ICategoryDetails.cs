namespace Overholt.Application.Categories;

/// <summary>A category's details as a request carries them.</summary>
public interface ICategoryDetails
{
    string? Name { get; }

    string? Description { get; }
}

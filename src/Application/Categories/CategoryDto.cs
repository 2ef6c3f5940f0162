namespace Overholt.Application.Categories;

public sealed class CategoryDto
{
    public int Id { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }
}

using Overholt.Application.Categories;

namespace Overholt.Application.Products;

public sealed class ProductDto
{
    public int Id { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<CategoryDto> Categories { get; init; } = [];
}

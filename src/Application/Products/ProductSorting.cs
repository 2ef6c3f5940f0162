using Overholt.Application.Paging;
using Overholt.Domain.Products;

namespace Overholt.Application.Products;

/// <summary>What the list of products may be sorted by; by name unless the client says otherwise.</summary>
public static class ProductSorting
{
    public static readonly SortFields<Product> Fields = new("name", ("name", product => product.Name));
}

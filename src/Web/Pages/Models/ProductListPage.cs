using Overholt.Application.Categories;
using Overholt.Application.Products;

namespace Overholt.Web.Pages.Models;

/// <summary>The products list, with the categories its filter offers (the first 200 by name) and the one chosen.</summary>
public sealed record ProductListPage(ListPage<ProductDto> List, IReadOnlyList<CategoryDto> Categories, int? Category);

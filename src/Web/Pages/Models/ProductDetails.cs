using Overholt.Application.Products;

namespace Overholt.Web.Pages.Models;

public sealed record ProductDetails(ProductDto Product, bool IsAdmin);

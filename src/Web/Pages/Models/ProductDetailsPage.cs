using Overholt.Application.Products;

namespace Overholt.Web.Pages.Models;

public sealed record ProductDetailsPage(ProductDto Product, bool IsAdmin);

using Overholt.Application.Products;
using Overholt.Application.Stores;

namespace Overholt.Web.Pages.Models;

public sealed record StoreDetailsPage(StoreDto Store, bool CanEdit, bool CanAdminister, IReadOnlyList<ProductDto> AddableProducts);

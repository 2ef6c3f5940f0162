using Overholt.Application.Products;
using Overholt.Application.Stores;

namespace Overholt.Web.Pages.Models;

public sealed record StoreDetails(StoreDto Store, bool CanEdit, bool CanAdminister, IReadOnlyList<ProductDto> AddableProducts);

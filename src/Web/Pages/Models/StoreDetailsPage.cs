using Overholt.Application.Paging;
using Overholt.Application.Products;
using Overholt.Application.Stores;
using Overholt.Application.Users;

namespace Overholt.Web.Pages.Models;

/// <summary>A store's page: the store, what the user may do to it, and the pickers of what could be added (null when the user may not add).</summary>
public sealed record StoreDetailsPage(StoreDto Store, bool CanEdit, bool CanAdminister, Picker<ProductDto>? Products, Picker<UserSummaryDto>? Managers);

/// <summary>The first matches of a picker's search over everything that could be added, and how many there are in all.</summary>
public sealed record Picker<T>(string? Search, Page<T> Matches)
{
    /// <summary>Matches shown at once: a search narrows them, so the list never needs to hold everything.</summary>
    public const int Size = 10;
}

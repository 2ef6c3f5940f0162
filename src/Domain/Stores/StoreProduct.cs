using Overholt.Domain.Products;

namespace Overholt.Domain.Stores;

/// <summary>A product carried by a store.</summary>
public sealed class StoreProduct
{
    private StoreProduct()
    {
    }

    internal StoreProduct(int storeId, int productId)
    {
        StoreId = storeId;
        ProductId = productId;
    }

    public int StoreId { get; private set; }

    public int ProductId { get; private set; }

    /// <summary>The carried product, for reads; the store's rules only need the id.</summary>
    public Product? Product { get; private set; }
}

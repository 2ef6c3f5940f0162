namespace Overholt.Domain.Stores;

/// <summary>A user who manages a store: may change its details and the products it carries.</summary>
public sealed class StoreManager
{
    private StoreManager()
    {
    }

    internal StoreManager(int storeId, int userId)
    {
        StoreId = storeId;
        UserId = userId;
    }

    public int StoreId { get; private set; }

    public int UserId { get; private set; }
}

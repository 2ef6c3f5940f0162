namespace Overholt.Application.Security;

/// <summary>A request about one store.</summary>
public interface IStoreRequest
{
    int StoreId { get; }
}

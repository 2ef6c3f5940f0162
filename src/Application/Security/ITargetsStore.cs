namespace Overholt.Application.Security;

/// <summary>A request about one store.</summary>
public interface ITargetsStore
{
    int StoreId { get; }
}

using Overholt.Domain.Primitives;

namespace Overholt.Domain.Stores;

/// <summary>A shop with an address, the products it carries and the users who manage it.</summary>
public sealed class Store : Entity
{
    public const int FieldMaxLength = 255;

    private readonly List<StoreProduct> _products = [];
    private readonly List<StoreManager> _managers = [];

    private Store()
    {
        Name = Address = City = State = ZipCode = string.Empty;
    }

    public Store(string name, string address, string city, string state, string zipCode)
    {
        Name = Guard.RequiredText(name, "Name", FieldMaxLength);
        Address = Guard.RequiredText(address, "Address", FieldMaxLength);
        City = Guard.RequiredText(city, "City", FieldMaxLength);
        State = Guard.RequiredText(state, "State", FieldMaxLength);
        ZipCode = Guard.RequiredText(zipCode, "Zip code", FieldMaxLength);
    }

    public string Name { get; private set; }

    public string Address { get; private set; }

    public string City { get; private set; }

    public string State { get; private set; }

    public string ZipCode { get; private set; }

    public IReadOnlyCollection<StoreProduct> Products => _products;

    public IReadOnlyCollection<StoreManager> Managers => _managers;

    /// <summary>
    /// Changes the given details; a null value leaves that detail as it is. The version moves once, and only when a
    /// detail ends up different: sending the current details back is not a change.
    /// </summary>
    public void ChangeDetails(string? name = null, string? address = null, string? city = null, string? state = null, string? zipCode = null)
    {
        var details = (
            name is null ? Name : Guard.RequiredText(name, "Name", FieldMaxLength),
            address is null ? Address : Guard.RequiredText(address, "Address", FieldMaxLength),
            city is null ? City : Guard.RequiredText(city, "City", FieldMaxLength),
            state is null ? State : Guard.RequiredText(state, "State", FieldMaxLength),
            zipCode is null ? ZipCode : Guard.RequiredText(zipCode, "Zip code", FieldMaxLength));
        if (details == (Name, Address, City, State, ZipCode))
            return;
        (Name, Address, City, State, ZipCode) = details;
        Changed();
    }

    public bool Carries(int productId) => _products.Exists(product => product.ProductId == productId);

    public bool IsManagedBy(int userId) => _managers.Exists(manager => manager.UserId == userId);

    public void AddProduct(int productId)
    {
        if (Carries(productId))
            throw new DomainRuleException("Product exists");
        _products.Add(new StoreProduct(Id, productId));
        Changed();
    }

    public void RemoveProduct(int productId)
    {
        if (!Carries(productId))
            throw new DomainRuleException("Invalid product");
        _products.RemoveAll(product => product.ProductId == productId);
        Changed();
    }

    public void AddManager(int userId)
    {
        if (IsManagedBy(userId))
            throw new DomainRuleException("Manager exists");
        _managers.Add(new StoreManager(Id, userId));
        Changed();
        Raise(new ManagerAdded(Id, userId));
    }

    public void RemoveManager(int userId)
    {
        if (!IsManagedBy(userId))
            throw new DomainRuleException("Invalid manager");
        _managers.RemoveAll(manager => manager.UserId == userId);
        Changed();
        Raise(new ManagerRemoved(Id, userId));
    }
}

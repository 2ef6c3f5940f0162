using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Domain.Categories;
using Overholt.Domain.Products;
using Overholt.Domain.Stores;
using Overholt.Infrastructure.Identity;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Testing.Builders;

/// <summary>
/// Test data in one line, saved through the domain model into the app's database:
/// <c>await Given.Store().WithProducts(2).WithManager(app.Admin).SaveAsync()</c>.
/// </summary>
public sealed class Given(OverholtApp app)
{
    private static int _sequence;

    public UserBuilder User(string? email = null) => new(app, email ?? $"user{Next()}@example.com");

    public CategoryBuilder Category(string? name = null) => new(app, name ?? $"Category {Next()}");

    public ProductBuilder Product(string? name = null) => new(app, name ?? $"Product {Next()}");

    public StoreBuilder Store(string? name = null) => new(app, name ?? $"Store {Next()}");

    /// <summary>
    /// <paramref name="count"/> products named by <paramref name="name"/> (from their 1-based number), all in one new
    /// category, saved in one round of inserts: a catalogue larger than a page in well under a second.
    /// </summary>
    public async Task<IReadOnlyList<Product>> ProductsAsync(int count, Func<int, string> name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OverholtDbContext>();
        var category = new Category($"Category {Next()}");
        var products = Enumerable.Range(1, count).Select(number => new Product(name(number), [category])).ToList();
        products.ForEach(product => product.ClearDomainEvents()); // a given, not something a user did
        db.AddRange(products);
        await db.SaveChangesAsync();
        return products;
    }

    /// <summary>
    /// Saves <paramref name="count"/> stores in one go (a list longer than a page or a batch), named by
    /// <paramref name="name"/> from 1, in the state <paramref name="state"/> gives each, each carrying
    /// <paramref name="products"/> and managed by <paramref name="managers"/>.
    /// </summary>
    public async Task<IReadOnlyList<Store>> StoresAsync(
        int count, Func<int, string> name, Func<int, string>? state = null, IReadOnlyCollection<Product>? products = null, IReadOnlyCollection<TestUser>? managers = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OverholtDbContext>();
        var stores = Enumerable.Range(1, count).Select(number =>
        {
            var store = new Store(name(number), "1 Main St", "Portland", state?.Invoke(number) ?? "OR", "97201");
            foreach (var product in products ?? [])
                store.AddProduct(product.Id);
            foreach (var manager in managers ?? [])
                store.AddManager(manager.Id);
            store.ClearDomainEvents(); // a given, not something a user did: no emails
            return store;
        }).ToList();
        db.AddRange(stores);
        await db.SaveChangesAsync();
        return stores;
    }

    internal static int Next() => Interlocked.Increment(ref _sequence);

    internal static async Task<T> SaveAsync<T>(OverholtApp app, Func<OverholtDbContext, T> create)
        where T : Domain.Primitives.Entity
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OverholtDbContext>();
        var entity = create(db);
        // Test data is a given, not something a user did: it leaves no outbox messages (no emails) behind.
        entity.ClearDomainEvents();
        db.Add(entity);
        await db.SaveChangesAsync();
        return entity;
    }
}

public sealed class UserBuilder(OverholtApp app, string email)
{
    private readonly List<string> _roles = [];
    private bool _active = true;

    public UserBuilder InRole(string role)
    {
        _roles.Add(role);
        return this;
    }

    public UserBuilder Inactive()
    {
        _active = false;
        return this;
    }

    public async Task<TestUser> SaveAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, Active = _active, RegisteredAt = DateTimeOffset.UtcNow };
        Require(await users.CreateAsync(user, OverholtApp.Password));
        foreach (var role in _roles)
            Require(await users.AddToRoleAsync(user, role));
        return new TestUser(user.Id, email, OverholtApp.Password);
    }

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(error => error.Description)));
    }
}

public sealed class CategoryBuilder(OverholtApp app, string name)
{
    private string? _description;

    public CategoryBuilder Described(string description)
    {
        _description = description;
        return this;
    }

    public Task<Category> SaveAsync() => Given.SaveAsync(app, _ => new Category(name, _description));
}

public sealed class ProductBuilder(OverholtApp app, string name)
{
    private readonly List<int> _categoryIds = [];

    public ProductBuilder InCategory(Category category)
    {
        _categoryIds.Add(category.Id);
        return this;
    }

    /// <summary>Saves the product; without a category, a new one is made for it.</summary>
    public Task<Product> SaveAsync() => Given.SaveAsync(app, db =>
    {
        var categories = _categoryIds.Count > 0
            ? db.Categories.Where(category => _categoryIds.Contains(category.Id)).ToList()
            : [new Category($"Category {Given.Next()}")];
        return new Product(name, categories);
    });
}

public sealed class StoreBuilder(OverholtApp app, string name)
{
    private readonly List<int> _productIds = [];
    private readonly List<int> _managerIds = [];
    private int _newProducts;
    private string _city = "Portland";
    private string _state = "OR";

    public StoreBuilder InCity(string city)
    {
        _city = city;
        return this;
    }

    public StoreBuilder InState(string state)
    {
        _state = state;
        return this;
    }

    public StoreBuilder WithProduct(Product product)
    {
        _productIds.Add(product.Id);
        return this;
    }

    /// <summary>Carries <paramref name="count"/> new products, each in a new category.</summary>
    public StoreBuilder WithProducts(int count)
    {
        _newProducts += count;
        return this;
    }

    public StoreBuilder WithManager(TestUser user)
    {
        _managerIds.Add(user.Id);
        return this;
    }

    public async Task<Store> SaveAsync()
    {
        var productIds = new List<int>(_productIds);
        for (var i = 0; i < _newProducts; i++)
            productIds.Add((await new ProductBuilder(app, $"Product {Given.Next()}").SaveAsync()).Id);

        return await Given.SaveAsync(app, _ =>
        {
            var store = new Store(name, "1 Main St", _city, _state, "97201");
            foreach (var productId in productIds)
                store.AddProduct(productId);
            foreach (var managerId in _managerIds)
                store.AddManager(managerId);
            return store;
        });
    }
}

using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Overholt.Application.Users;
using Overholt.Domain.Categories;
using Overholt.Domain.Products;
using Overholt.Domain.Stores;

namespace Overholt.Infrastructure.Persistence;

/// <summary>
/// A small, realistic dataset to look around with (<c>db seed --sample</c>): categories, products, stores with products
/// and a manager. Everything is found by name first, so running it again adds nothing twice.
/// </summary>
public sealed class SampleData(OverholtDbContext db, IUserAccounts accounts, IUserDirectory users)
{
    public const string ManagerEmail = "manager@overholt.example";

    private static readonly (string Name, string Description)[] Categories =
    [
        ("Fruit", "Fresh and dried fruit"), ("Vegetables", "Seasonal vegetables"), ("Bakery", "Bread and pastries"),
        ("Dairy", "Milk, cheese and yoghurt"), ("Drinks", "Juices and soft drinks"),
    ];

    private static readonly (string Name, string[] Categories)[] Products =
    [
        ("Apple", ["Fruit"]), ("Banana", ["Fruit"]), ("Carrot", ["Vegetables"]), ("Potato", ["Vegetables"]),
        ("Sourdough bread", ["Bakery"]), ("Croissant", ["Bakery"]), ("Whole milk", ["Dairy"]), ("Cheddar", ["Dairy"]),
        ("Orange juice", ["Drinks", "Fruit"]), ("Sparkling water", ["Drinks"]),
    ];

    private static readonly (string Name, string Address, string City, string State, string ZipCode, string[] Products, bool Managed)[] Stores =
    [
        ("Corner shop", "1 Main St", "Portland", "OR", "97201", ["Apple", "Sourdough bread", "Whole milk", "Orange juice"], true),
        ("Harbor market", "40 Pier Rd", "Seattle", "WA", "98101", ["Banana", "Carrot", "Potato", "Cheddar", "Sparkling water"], true),
        ("Hillside grocer", "7 Summit Ave", "Boise", "ID", "83702", ["Apple", "Croissant", "Whole milk"], false),
    ];

    /// <summary>Adds what is missing; returns a line per kind of thing added, and the new manager's password if one was created.</summary>
    public async Task<IReadOnlyList<string>> SeedAsync(CancellationToken cancellationToken)
    {
        var report = new List<string>();
        var manager = await users.FindByEmailAsync(ManagerEmail, cancellationToken);
        int managerId;
        if (manager is null)
        {
            // Upper case, lower case, digits and a separator: whatever Identity's password rules ask for.
            var password = string.Join('-', RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ", 5), RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyz", 5), RandomNumberGenerator.GetString("23456789", 5));
            managerId = await accounts.CreateAsync(ManagerEmail, password, cancellationToken);
            report.Add($"Created the store manager {ManagerEmail} with the password {password}");
        }
        else
        {
            managerId = manager.Id;
        }

        var categories = await db.Categories.ToDictionaryAsync(category => category.Name, cancellationToken);
        var newCategories = Categories.Where(category => !categories.ContainsKey(category.Name)).Select(category => new Category(category.Name, category.Description)).ToList();
        db.Categories.AddRange(newCategories);
        foreach (var category in newCategories)
            categories[category.Name] = category;

        var products = await db.Products.ToDictionaryAsync(product => product.Name, cancellationToken);
        var newProducts = Products.Where(product => !products.ContainsKey(product.Name))
            .Select(product => new Product(product.Name, product.Categories.Select(name => categories[name]).ToList())).ToList();
        db.Products.AddRange(newProducts);
        foreach (var product in newProducts)
            products[product.Name] = product;
        await db.SaveChangesAsync(cancellationToken); // the products' ids, for the stores

        var stores = await db.Stores.Include(store => store.Products).Include(store => store.Managers).AsSplitQuery().ToDictionaryAsync(store => store.Name, cancellationToken);
        var newStores = 0;
        foreach (var sample in Stores)
        {
            if (!stores.TryGetValue(sample.Name, out var store))
            {
                store = new Store(sample.Name, sample.Address, sample.City, sample.State, sample.ZipCode);
                db.Stores.Add(store);
                await db.SaveChangesAsync(cancellationToken);
                newStores++;
            }

            foreach (var product in sample.Products.Select(name => products[name]).Where(product => !store.Carries(product.Id)))
                store.AddProduct(product.Id);
            if (sample.Managed && !store.IsManagedBy(managerId))
                store.AddManager(managerId);
        }

        await db.SaveChangesAsync(cancellationToken);
        report.Add($"Added {newCategories.Count} categories, {newProducts.Count} products and {newStores} stores");
        return report;
    }
}

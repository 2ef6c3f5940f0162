using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Overholt.Application.Users;

namespace Overholt.Infrastructure.Persistence;

/// <summary>
/// A catalogue the size of a real back office, for trying the pages and benchmarking them (<c>db seed --sample --size
/// large</c>): 100,000 products in 50 categories (1–3 each), 5,000 stores in the 50 US states carrying 20–100
/// products each, and 300 users, 200 of whom manage stores. The same data every time (a fixed random seed), found by
/// name or email first, so running it again adds nothing twice. Rows go in as multi-row INSERTs of up to
/// <see cref="BulkStatements.RowsPerStatement"/> rows in one transaction: no per-row round trip, no domain events (nobody is emailed
/// about sample stores), and one catalogue change notification at the commit.
/// </summary>
public sealed class LargeSampleData(OverholtDbContext db, IUserAccounts accounts, IUserDirectory users, TimeProvider clock)
{
    public const int ProductCount = 100_000;
    public const int StoreCount = 5_000;
    public const int UserCount = 300;
    public const int ManagerCount = 200;
    public const string UserEmailFormat = "sample.user{0:D3}@overholt.example";

    private const int Seed = 20_261_205;

    private static readonly string[] CategoryNames =
    [
        "Fruit", "Vegetables", "Bakery", "Dairy", "Drinks", "Meat", "Seafood", "Frozen", "Snacks", "Breakfast",
        "Pasta", "Rice and grains", "Canned goods", "Sauces", "Spices", "Baking", "Sweets", "Coffee", "Tea", "Juice",
        "Water", "Beer", "Wine", "Deli", "Cheese", "Eggs", "Plant-based", "Organic", "Gluten-free", "Baby",
        "Pet", "Household", "Cleaning", "Laundry", "Paper goods", "Personal care", "Health", "Beauty", "Pharmacy", "Garden",
        "Kitchen", "Tableware", "Toys", "Stationery", "Electronics", "Seasonal", "Flowers", "International", "Bulk", "Local",
    ];

    private static readonly string[] Adjectives =
    [
        "Crisp", "Golden", "Fresh", "Smoked", "Roasted", "Wild", "Classic", "Spicy", "Sweet", "Sparkling",
        "Creamy", "Rustic", "Organic", "Mild", "Bold", "Tender", "Zesty", "Hearty", "Light", "Dark",
    ];

    private static readonly string[] Nouns =
    [
        "Apple", "Pear", "Carrot", "Potato", "Bread", "Bagel", "Milk", "Yoghurt", "Cheddar", "Butter",
        "Lemonade", "Cola", "Sausage", "Salmon", "Tuna", "Pizza", "Crackers", "Granola", "Oats", "Penne",
        "Basmati", "Beans", "Tomato sauce", "Pepper", "Flour", "Chocolate", "Espresso", "Green tea", "Orange juice", "Spring water",
        "Lager", "Merlot", "Ham", "Brie", "Eggs", "Tofu", "Soap", "Detergent", "Tissues", "Shampoo",
    ];

    private static readonly (string State, string[] Cities, int Zip)[] States =
    [
        ("AL", ["Birmingham", "Mobile"], 35203), ("AK", ["Anchorage", "Fairbanks"], 99501), ("AZ", ["Phoenix", "Tucson"], 85001),
        ("AR", ["Little Rock", "Fayetteville"], 72201), ("CA", ["Los Angeles", "San Francisco"], 90001), ("CO", ["Denver", "Boulder"], 80202),
        ("CT", ["Hartford", "New Haven"], 6103), ("DE", ["Wilmington", "Dover"], 19801), ("FL", ["Miami", "Orlando"], 33101),
        ("GA", ["Atlanta", "Savannah"], 30303), ("HI", ["Honolulu", "Hilo"], 96813), ("ID", ["Boise", "Idaho Falls"], 83702),
        ("IL", ["Chicago", "Springfield"], 60601), ("IN", ["Indianapolis", "Bloomington"], 46204), ("IA", ["Des Moines", "Iowa City"], 50309),
        ("KS", ["Wichita", "Topeka"], 67202), ("KY", ["Louisville", "Lexington"], 40202), ("LA", ["New Orleans", "Baton Rouge"], 70112),
        ("ME", ["Portland", "Bangor"], 4101), ("MD", ["Baltimore", "Annapolis"], 21201), ("MA", ["Boston", "Worcester"], 2108),
        ("MI", ["Detroit", "Ann Arbor"], 48226), ("MN", ["Minneapolis", "Duluth"], 55401), ("MS", ["Jackson", "Biloxi"], 39201),
        ("MO", ["St. Louis", "Kansas City"], 63101), ("MT", ["Billings", "Missoula"], 59101), ("NE", ["Omaha", "Lincoln"], 68102),
        ("NV", ["Las Vegas", "Reno"], 89101), ("NH", ["Manchester", "Concord"], 3101), ("NJ", ["Newark", "Trenton"], 7102),
        ("NM", ["Albuquerque", "Santa Fe"], 87102), ("NY", ["New York", "Buffalo"], 10001), ("NC", ["Charlotte", "Raleigh"], 28202),
        ("ND", ["Fargo", "Bismarck"], 58102), ("OH", ["Columbus", "Cleveland"], 43215), ("OK", ["Oklahoma City", "Tulsa"], 73102),
        ("OR", ["Portland", "Eugene"], 97201), ("PA", ["Philadelphia", "Pittsburgh"], 19102), ("RI", ["Providence", "Newport"], 2903),
        ("SC", ["Charleston", "Columbia"], 29401), ("SD", ["Sioux Falls", "Rapid City"], 57104), ("TN", ["Nashville", "Memphis"], 37203),
        ("TX", ["Houston", "Austin"], 77002), ("UT", ["Salt Lake City", "Provo"], 84101), ("VT", ["Burlington", "Montpelier"], 5401),
        ("VA", ["Richmond", "Norfolk"], 23219), ("WA", ["Seattle", "Spokane"], 98101), ("WV", ["Charleston", "Morgantown"], 25301),
        ("WI", ["Milwaukee", "Madison"], 53202), ("WY", ["Cheyenne", "Casper"], 82001),
    ];

    /// <summary>Roughly each state's population in hundreds of thousands: where a chain's stores would be.</summary>
    private static readonly int[] StateWeights =
    [
        51, 7, 74, 31, 390, 58, 36, 10, 226, 111, 14, 20, 125, 68, 32, 29, 45, 46, 14, 62, 70, 100, 57, 29, 62,
        11, 20, 32, 14, 93, 21, 196, 108, 8, 118, 40, 42, 130, 11, 54, 9, 71, 304, 34, 6, 87, 78, 18, 59, 6,
    ];

    private static readonly string[] StoreKinds = ["Market", "Grocer", "Corner shop", "Superstore", "Pantry"];

    public static string ProductName(int index) => $"{Adjectives[index % Adjectives.Length]} {Nouns[index / Adjectives.Length % Nouns.Length]} {index + 1:D6}";

    /// <summary>Adds what is missing; returns a line per kind of thing added, and the users' password if any were created.</summary>
    public async Task<IReadOnlyList<string>> SeedAsync(CancellationToken cancellationToken)
    {
        var report = new List<string>();
        var plan = Plan.Make();
        // Spread over the last 30 days, as a catalogue built up over time would be (the dashboard charts it).
        var now = clock.GetUtcNow().UtcDateTime;
        // More of it recent than old, as a catalogue that grows.
        DateTime CreatedAt(int index) => now.AddMinutes(-Math.Floor(30 * 24 * 60 * Math.Pow(index * 7919 % 10_007 / 10_007.0, 2)));

        // Accounts first, through Identity (hashing, stamps, normalization): one password for all of them, shown once.
        var password = string.Join('-', RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ", 5), RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyz", 5), RandomNumberGenerator.GetString("23456789", 5));
        var userIds = new List<int>();
        var created = 0;
        for (var i = 1; i <= UserCount; i++)
        {
            var email = string.Format(CultureInfo.InvariantCulture, UserEmailFormat, i);
            var existing = await users.FindByEmailAsync(email, cancellationToken);
            if (existing is null)
                created++;
            userIds.Add(existing?.Id ?? await accounts.CreateAsync(email, password, cancellationToken));
        }

        if (created > 0)
            report.Add($"Created {created} sample users ({string.Format(CultureInfo.InvariantCulture, UserEmailFormat, 1)} to {string.Format(CultureInfo.InvariantCulture, UserEmailFormat, UserCount)}) with the password {password}");

        var strategy = db.Database.CreateExecutionStrategy();
        var counts = await strategy.ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var writing = transaction.GetDbTransaction();
            var categories = await AddMissingAsync(writing, "categories", ["name", "description", "version", "created_at"], CategoryNames.Select((name, i) => new object[] { name, $"Sample category: {name}", 0, CreatedAt(i) }), token);
            var categoryIds = await IdsByNameAsync(writing, "categories", token);
            var products = await AddMissingAsync(writing, "products", ["name", "version", "created_at"], Enumerable.Range(0, ProductCount).Select(i => new object[] { ProductName(i), 0, CreatedAt(i) }), token);
            var productIds = await IdsByNameAsync(writing, "products", token);
            await AddPairsAsync(writing, "products_categories", "product_id", "category_id",
                plan.ProductCategories.Select(pair => (productIds[ProductName(pair.Product)], categoryIds[CategoryNames[pair.Category]])), token);
            var stores = await AddMissingAsync(writing, "stores", ["name", "address", "city", "state", "zip_code", "version", "created_at"],
                plan.Stores.Select((store, i) => new object[] { store.Name, store.Address, store.City, store.State, store.ZipCode, 0, CreatedAt(i) }), token);
            var storeIds = await IdsByNameAsync(writing, "stores", token);
            await AddPairsAsync(writing, "stores_products", "store_id", "product_id",
                plan.StoreProducts.Select(pair => (storeIds[plan.Stores[pair.Store].Name], productIds[ProductName(pair.Product)])), token);
            await AddPairsAsync(writing, "stores_managers", "store_id", "user_id",
                plan.StoreManagers.Select(pair => (storeIds[plan.Stores[pair.Store].Name], userIds[pair.Manager])), token);
            await transaction.CommitAsync(token);
            return (categories, products, stores);
        }, cancellationToken);

        // Fresh planner statistics: until autovacuum gets to the new rows, PostgreSQL would plan for empty tables.
        await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
        report.Add($"Added {counts.categories} categories, {counts.products} products and {counts.stores} stores (the large sample: {ProductCount:N0} products, {StoreCount:N0} stores)");
        return report;
    }

    /// <summary>Inserts the rows whose name (the first column) the table does not have yet; returns how many.</summary>
    private static async Task<int> AddMissingAsync(DbTransaction transaction, string table, string[] columns, IEnumerable<object[]> rows, CancellationToken cancellationToken)
    {
        var existing = (await IdsByNameAsync(transaction, table, cancellationToken)).Keys.ToHashSet(StringComparer.Ordinal);
        var missing = rows.Where(row => !existing.Contains((string)row[0])).ToList();
        await BulkStatements.InsertAsync(transaction, table, columns, missing, string.Empty, cancellationToken);
        return missing.Count;
    }

    private static Task AddPairsAsync(DbTransaction transaction, string table, string first, string second, IEnumerable<(int, int)> pairs, CancellationToken cancellationToken) =>
        BulkStatements.InsertAsync(transaction, table, [first, second], pairs.Distinct().Select(pair => new object[] { pair.Item1, pair.Item2 }).ToList(), " ON CONFLICT DO NOTHING", cancellationToken);

    private static async Task<Dictionary<string, int>> IdsByNameAsync(DbTransaction transaction, string table, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT name, min(id) FROM {table} GROUP BY name";
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            ids[reader.GetString(0)] = reader.GetInt32(1);
        return ids;
    }

    /// <summary>What the large sample holds, by index: the same every time.</summary>
    private sealed record Plan(
        List<(string Name, string Address, string City, string State, string ZipCode)> Stores,
        List<(int Product, int Category)> ProductCategories,
        List<(int Store, int Product)> StoreProducts,
        List<(int Store, int Manager)> StoreManagers)
    {
        public static Plan Make()
        {
            var random = new Random(Seed);
            var productCategories = new List<(int, int)>(ProductCount * 2);
            for (var product = 0; product < ProductCount; product++)
            {
                // Some categories much larger than others, as in a real catalogue.
                foreach (var category in Enumerable.Range(0, random.Next(1, 4)).Select(_ => (int)(CategoryNames.Length * Math.Pow(random.NextDouble(), 2))).Distinct())
                    productCategories.Add((product, category));
            }

            var stores = new List<(string, string, string, string, string)>(StoreCount);
            var totalWeight = StateWeights.Sum();
            var storeProducts = new List<(int, int)>(StoreCount * 60);
            var storeManagers = new List<(int, int)>(StoreCount + (StoreCount / 10));
            for (var store = 0; store < StoreCount; store++)
            {
                // The first 50 stores, one per state; the rest where people are.
                var (state, cities, zip) = States[store < States.Length ? store : WeightedState(random.Next(totalWeight))];
                var city = cities[store / States.Length % cities.Length];
                var name = $"{city} {StoreKinds[store % StoreKinds.Length]} {store + 1:D4}";
                stores.Add((name, $"{(store * 37 % 9000) + 1} Main St", city, state, (zip + (store % 90)).ToString("D5", CultureInfo.InvariantCulture)));
                foreach (var product in Enumerable.Range(0, random.Next(20, 101)).Select(_ => random.Next(ProductCount)).Distinct())
                    storeProducts.Add((store, product));
                storeManagers.Add((store, store % ManagerCount));
                if (store % 10 == 0)
                    storeManagers.Add((store, (store + 1) % ManagerCount));
            }

            return new Plan(stores, productCategories, storeProducts, storeManagers);
        }

        private static int WeightedState(int ticket)
        {
            var state = 0;
            while (ticket >= StateWeights[state])
                ticket -= StateWeights[state++];
            return state;
        }
    }
}

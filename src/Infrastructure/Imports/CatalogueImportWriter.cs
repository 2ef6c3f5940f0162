using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Overholt.Application.Caching;
using Overholt.Application.History;
using Overholt.Application.Imports;
using Overholt.Domain.Stores;
using Overholt.Infrastructure.History;
using Overholt.Infrastructure.Messaging;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Imports;

/// <summary>
/// Every write an import makes, in one transaction, in bulk: names and ids are read a thousand at a time, new rows
/// inserted a thousand to a statement, and links likewise; no per-row round trip and no change tracking. Matching is
/// by name, the existing record with the lowest id first. A record whose row says what it already holds is left
/// alone (its version does not move), so importing the same file again writes nothing.
/// <para>
/// Imports write one at a time (a transaction-scoped advisory lock on PostgreSQL; SQLite has a single writer), so two
/// imports of the same file create each record once. An existing record is changed only if its version is still the
/// one read, the same concurrency token a page or API edit checks: an edit that commits first makes the import start
/// again on what it committed, and one that comes after is refused by its own check and run again on the import's
/// result. Either way neither change is lost.
/// </para>
/// <para>
/// Its change history is written here too, in bulk and in the same transaction (the history's interceptor sees no
/// bulk statement): an entry per record created or changed and per link added, as the interceptor writes them for a
/// page edit, against the admin who started the import (the operator from the console).
/// </para>
/// </summary>
internal sealed class CatalogueImportWriter(OverholtDbContext db, IReadCache cache, TimeProvider clock, IChangeActor actors) : ICatalogueImportWriter
{
    private const int MaxConflictAttempts = 3;

    /// <summary>The key of the PostgreSQL advisory lock imports take to write one at a time.</summary>
    private const long WriteLock = 0x4F76_4963_7376;

    public async Task<ImportWriteResult> WriteProductsAsync(IReadOnlyList<ProductRow> rows, bool createCategories, int? requestedBy, Func<int, Task> written, CancellationToken cancellationToken)
    {
        var result = await InTransactionAsync(requestedBy, (transaction, history, token) => WriteProductsAsync(transaction, history, rows, createCategories, written, token), cancellationToken);
        await RefreshStatisticsAsync(result, "ANALYZE products, products_categories", cancellationToken);
        cache.Invalidate(result.CategoriesCreated > 0
            ? [new CatalogueChange(CatalogueData.Products), new CatalogueChange(CatalogueData.Categories)]
            : [new CatalogueChange(CatalogueData.Products)]);
        return result;
    }

    public async Task<ImportWriteResult> WriteStoresAsync(IReadOnlyList<StoreRow> rows, int? requestedBy, Func<int, Task> written, CancellationToken cancellationToken)
    {
        var result = await InTransactionAsync(requestedBy, (transaction, history, token) => WriteStoresAsync(transaction, history, rows, written, token), cancellationToken);
        await RefreshStatisticsAsync(result, "ANALYZE stores, stores_products, stores_managers", cancellationToken);
        cache.Invalidate([new CatalogueChange(CatalogueData.Stores)]);
        return result;
    }

    /// <summary>A new product starts at version 1, as one made by the domain does (its categories are its first change).</summary>
    private async Task<ImportWriteResult> WriteProductsAsync(DbTransaction transaction, BulkHistory history, IReadOnlyList<ProductRow> rows, bool createCategories, Func<int, Task> written, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var categoryIds = await IdsByNameAsync(transaction, "SELECT id, name FROM categories WHERE name IN ({0})", rows.SelectMany(row => row.Categories).Distinct(StringComparer.Ordinal), cancellationToken);
        var missing = rows.SelectMany(row => row.Categories).Distinct(StringComparer.Ordinal).Where(name => !categoryIds.ContainsKey(name)).ToList();
        var categoriesCreated = 0;
        if (missing.Count > 0)
        {
            if (!createCategories)
                throw new ImportFileException($"The category '{missing[0]}' was deleted while the import ran, so nothing was written. Run the import again.");
            var created = await BulkStatements.InsertReturningIdsAsync(
                transaction, "categories", ["name", "version", "created_at"], missing.Select(name => new object[] { name, 0, now }).ToList(), " ON CONFLICT (name) DO NOTHING", cancellationToken);
            categoriesCreated = created.Count;
            foreach (var (name, id) in created)
            {
                categoryIds[name] = id;
                history.Add(HistoryActions.Category, id, HistoryActions.CategoryCreated, new ChangeSet().Set("name", null, name));
            }
            // Created meanwhile by someone else (category names are unique): use theirs.
            foreach (var (name, id) in await IdsByNameAsync(transaction, "SELECT id, name FROM categories WHERE name IN ({0})", missing.Where(name => !categoryIds.ContainsKey(name)), cancellationToken))
                categoryIds[name] = id;
        }

        var existing = new Dictionary<string, (int Id, int Version)>(StringComparer.Ordinal);
        await BulkStatements.SelectInAsync(transaction, "SELECT id, name, version FROM products WHERE name IN ({0}) ORDER BY id", rows.Select(row => row.Name!),
            reader => existing.TryAdd(reader.GetString(1), (reader.GetInt32(0), reader.GetInt32(2))), cancellationToken);
        var current = new Dictionary<int, HashSet<int>>();
        await BulkStatements.SelectInAsync(transaction, "SELECT product_id, category_id FROM products_categories WHERE product_id IN ({0})", existing.Values.Select(product => product.Id),
            reader => Add(current, reader.GetInt32(0), reader.GetInt32(1)), cancellationToken);

        var changed = new List<(int Id, int Version, HashSet<int> Categories)>();
        var fresh = new List<(string Name, HashSet<int> Categories)>();
        foreach (var row in rows)
        {
            var categories = row.Categories.Select(name => categoryIds[name]).ToHashSet();
            if (!existing.TryGetValue(row.Name!, out var product))
                fresh.Add((row.Name!, categories));
            else if (!current.GetValueOrDefault(product.Id, []).SetEquals(categories))
                changed.Add((product.Id, product.Version, categories));
        }

        if (changed.Count > 0)
        {
            await ClaimVersionsAsync(transaction, "UPDATE products SET version = version + 1 WHERE id = @p0 AND version = @p1", changed, product => [product.Id, product.Version], cancellationToken);
            await BulkStatements.ExecuteInAsync(transaction, "DELETE FROM products_categories WHERE product_id IN ({0})", changed.Select(product => product.Id), cancellationToken);
        }

        var done = rows.Count - fresh.Count;
        await written(done);
        var newIds = await BulkStatements.InsertReturningIdsAsync(
            transaction, "products", ["name", "version", "created_at"], fresh.Select(product => new object[] { product.Name, 1, now }).ToList(), string.Empty, cancellationToken,
            inserted => written(done + inserted));
        var links = changed.SelectMany(product => product.Categories.Select(category => new object[] { product.Id, category }))
            .Concat(fresh.SelectMany(product => product.Categories.Select(category => new object[] { newIds[product.Name], category })))
            .ToList();
        await BulkStatements.InsertAsync(transaction, "products_categories", ["product_id", "category_id"], links, string.Empty, cancellationToken);
        foreach (var product in changed)
            history.Add(HistoryActions.Product, product.Id, HistoryActions.ProductUpdated, new ChangeSet().Set("categories", current.GetValueOrDefault(product.Id, []), product.Categories));
        foreach (var product in fresh)
            history.Add(HistoryActions.Product, newIds[product.Name], HistoryActions.ProductCreated, new ChangeSet().Set("name", null, product.Name).Set("categories", null, product.Categories));
        await history.WriteAsync(transaction, cancellationToken);
        return new ImportWriteResult(fresh.Count, changed.Count, rows.Count - fresh.Count - changed.Count, categoriesCreated);
    }

    private async Task<ImportWriteResult> WriteStoresAsync(DbTransaction transaction, BulkHistory history, IReadOnlyList<StoreRow> rows, Func<int, Task> written, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = new Dictionary<string, (int Id, int Version, string Address, string City, string State, string ZipCode)>(StringComparer.Ordinal);
        await BulkStatements.SelectInAsync(transaction, "SELECT id, name, version, address, city, state, zip_code FROM stores WHERE name IN ({0}) ORDER BY id", rows.Select(row => row.Name!),
            reader => existing.TryAdd(reader.GetString(1), (reader.GetInt32(0), reader.GetInt32(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6))), cancellationToken);
        var productIds = await IdsByNameAsync(transaction, "SELECT id, name FROM products WHERE name IN ({0}) ORDER BY id", rows.SelectMany(row => row.Products).Distinct(StringComparer.Ordinal), cancellationToken);
        var userIds = await IdsByNameAsync(transaction, "SELECT id, normalized_email FROM users WHERE normalized_email IN ({0})", rows.SelectMany(row => row.Managers).Select(UserEmails.Normalize).Distinct(StringComparer.Ordinal), cancellationToken);
        var carried = new Dictionary<int, HashSet<int>>();
        var managed = new Dictionary<int, HashSet<int>>();
        var storeIds = existing.Values.Select(store => store.Id).ToList();
        await BulkStatements.SelectInAsync(transaction, "SELECT store_id, product_id FROM stores_products WHERE store_id IN ({0})", storeIds, reader => Add(carried, reader.GetInt32(0), reader.GetInt32(1)), cancellationToken);
        await BulkStatements.SelectInAsync(transaction, "SELECT store_id, user_id FROM stores_managers WHERE store_id IN ({0})", storeIds, reader => Add(managed, reader.GetInt32(0), reader.GetInt32(1)), cancellationToken);

        var changed = new List<(int Id, int Version, StoreRow Row, ChangeSet Details)>();
        var fresh = new List<StoreRow>();
        var newProducts = new List<(StoreRow Row, int? StoreId, int ProductId)>();
        var newManagers = new List<(StoreRow Row, int? StoreId, int UserId)>();
        foreach (var row in rows)
        {
            var products = row.Products.Select(name => productIds.TryGetValue(name, out var id) ? id
                : throw new ImportFileException($"The product '{name}' was deleted while the import ran, so nothing was written. Run the import again.")).ToHashSet();
            var managers = row.Managers.Select(email => userIds.TryGetValue(UserEmails.Normalize(email), out var id) ? id
                : throw new ImportFileException($"The user '{email}' was deleted while the import ran, so nothing was written. Run the import again.")).ToHashSet();
            if (!existing.TryGetValue(row.Name!, out var store))
            {
                fresh.Add(row);
                newProducts.AddRange(products.Select(product => (row, (int?)null, product)));
                newManagers.AddRange(managers.Select(user => (row, (int?)null, user)));
                continue;
            }

            var addedProducts = products.Except(carried.GetValueOrDefault(store.Id, [])).ToList();
            var addedManagers = managers.Except(managed.GetValueOrDefault(store.Id, [])).ToList();
            var details = new ChangeSet().Set("address", store.Address, row.Address).Set("city", store.City, row.City).Set("state", store.State, row.State).Set("zip_code", store.ZipCode, row.ZipCode);
            if (details.Count > 0 || addedProducts.Count > 0 || addedManagers.Count > 0)
                changed.Add((store.Id, store.Version, row, details));
            newProducts.AddRange(addedProducts.Select(product => (row, (int?)store.Id, product)));
            newManagers.AddRange(addedManagers.Select(user => (row, (int?)store.Id, user)));
        }

        await ClaimVersionsAsync(
            transaction, "UPDATE stores SET address = @p0, city = @p1, state = @p2, zip_code = @p3, version = version + 1 WHERE id = @p4 AND version = @p5", changed,
            store => [store.Row.Address!, store.Row.City!, store.Row.State!, store.Row.ZipCode!, store.Id, store.Version], cancellationToken);
        var done = rows.Count - fresh.Count;
        await written(done);
        var newIds = await BulkStatements.InsertReturningIdsAsync(
            transaction, "stores", ["name", "address", "city", "state", "zip_code", "version", "created_at"],
            fresh.Select(row => new object[] { row.Name!, row.Address!, row.City!, row.State!, row.ZipCode!, 0, now }).ToList(), string.Empty, cancellationToken,
            inserted => written(done + inserted));
        int StoreId(StoreRow row, int? id) => id ?? newIds[row.Name!];
        await BulkStatements.InsertAsync(transaction, "stores_products", ["store_id", "product_id"], newProducts.Select(link => new object[] { StoreId(link.Row, link.StoreId), link.ProductId }).ToList(), string.Empty, cancellationToken);
        await BulkStatements.InsertAsync(transaction, "stores_managers", ["store_id", "user_id"], newManagers.Select(link => new object[] { StoreId(link.Row, link.StoreId), link.UserId }).ToList(), string.Empty, cancellationToken);

        foreach (var store in changed.Where(store => store.Details.Count > 0))
            history.Add(HistoryActions.Store, store.Id, HistoryActions.StoreUpdated, store.Details);
        foreach (var row in fresh)
        {
            history.Add(HistoryActions.Store, newIds[row.Name!], HistoryActions.StoreCreated, new ChangeSet()
                .Set("name", null, row.Name).Set("address", null, row.Address).Set("city", null, row.City).Set("state", null, row.State).Set("zip_code", null, row.ZipCode));
        }

        foreach (var link in newProducts)
            history.Add(HistoryActions.Store, StoreId(link.Row, link.StoreId), HistoryActions.StoreProductAdded, new ChangeSet().Set("product", null, link.ProductId));
        foreach (var link in newManagers)
            history.Add(HistoryActions.Store, StoreId(link.Row, link.StoreId), HistoryActions.StoreManagerAdded, new ChangeSet().Set("manager", null, link.UserId));
        await history.WriteAsync(transaction, cancellationToken);

        // A manager added by an import is told as one added on a page is: through the outbox, committed with the change.
        db.Set<OutboxMessage>().AddRange(newManagers.Select(link => OutboxMessage.For(new ManagerAdded(StoreId(link.Row, link.StoreId), link.UserId), now)));
        await db.SaveChangesAsync(cancellationToken);
        return new ImportWriteResult(fresh.Count, changed.Count, rows.Count - fresh.Count - changed.Count);
    }

    /// <summary>
    /// After many new rows, PostgreSQL's planner statistics: until autovacuum gets to them it would plan the lists (and the
    /// next import) for the tables as they were.
    /// </summary>
    private async Task RefreshStatisticsAsync(ImportWriteResult result, [System.Diagnostics.CodeAnalysis.ConstantExpected] string analyze, CancellationToken cancellationToken)
    {
        if (result.Created >= BulkStatements.RowsPerStatement * 10 && db is PostgresOverholtDbContext)
            await db.Database.ExecuteSqlRawAsync(analyze, cancellationToken);
    }

    /// <summary>
    /// Moves each record's version on from the one read, as saving an edit does; a record changed since it was read
    /// makes the whole write start again.
    /// </summary>
    private static async Task ClaimVersionsAsync<T>(DbTransaction transaction, string update, IReadOnlyList<T> records, Func<T, object[]> parameters, CancellationToken cancellationToken)
    {
        if (records.Count > 0 && await BulkStatements.ExecuteEachAsync(transaction, update, records, parameters, cancellationToken) != records.Count)
            throw new ChangedMeanwhileException();
    }

    /// <summary>Runs <paramref name="write"/> in one transaction, holding the import lock; again on the committed state when a record it changes was changed meanwhile.</summary>
    private async Task<ImportWriteResult> InTransactionAsync(int? requestedBy, Func<DbTransaction, BulkHistory, CancellationToken, Task<ImportWriteResult>> write, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await strategy.ExecuteAsync(async token =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(token);
                    try
                    {
                        if (db is PostgresOverholtDbContext)
                            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({WriteLock})", token);
                        var history = new BulkHistory(HistoryTable.For(db), await ActorAsync(requestedBy, token), clock.GetUtcNow().UtcDateTime);
                        var result = await write(transaction.GetDbTransaction(), history, token);
                        await transaction.CommitAsync(token);
                        return result;
                    }
                    catch
                    {
                        db.ChangeTracker.Clear();
                        throw;
                    }
                }, cancellationToken);
            }
            catch (ChangedMeanwhileException) when (attempt < MaxConflictAttempts)
            {
                // An edit committed between the read and the write: read again.
            }
            catch (ChangedMeanwhileException)
            {
                throw new ImportFileException("Other changes to the same records kept getting in first, so nothing was written. Run the import again.");
            }
        }
    }

    /// <summary>The admin who started the import, with their email now; whoever runs this (the operator) when nobody did.</summary>
    private async Task<ChangeActor> ActorAsync(int? requestedBy, CancellationToken cancellationToken)
    {
        if (requestedBy is not { } userId)
            return actors.Current;
        var email = await db.Users.Where(user => user.Id == userId).Select(user => user.Email).FirstOrDefaultAsync(cancellationToken);
        return new ChangeActor(userId, email ?? $"user {userId}");
    }

    private static async Task<Dictionary<string, int>> IdsByNameAsync(DbTransaction transaction, string select, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        await BulkStatements.SelectInAsync(transaction, select, names, reader => ids.TryAdd(reader.GetString(1), reader.GetInt32(0)), cancellationToken);
        return ids;
    }

    private static void Add(Dictionary<int, HashSet<int>> links, int from, int to)
    {
        if (!links.TryGetValue(from, out var set))
            links[from] = set = [];
        set.Add(to);
    }

    private sealed class ChangedMeanwhileException : Exception;

    /// <summary>An import's history entries, written a thousand to a statement once its records are written.</summary>
    private sealed class BulkHistory(HistoryTable table, ChangeActor actor, DateTime at)
    {
        private readonly List<object[]> _entries = [];
        private readonly string? _traceId = HistoryEntry.CurrentTraceId();

        public void Add(string resourceType, int resourceId, string action, ChangeSet changes) =>
            _entries.Add(HistoryTable.Row(HistoryEntry.For(actor, at, resourceType, resourceId, action, changes, _traceId)));

        public async Task WriteAsync(DbTransaction transaction, CancellationToken cancellationToken)
        {
            await BulkStatements.InsertAsync(transaction, table.Name, table.Columns, _entries, string.Empty, cancellationToken);
            _entries.Clear();
        }
    }
}

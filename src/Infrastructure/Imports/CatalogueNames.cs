using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Overholt.Application.Imports;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Imports;

/// <summary>Looks names up in chunks of many, one statement a chunk.</summary>
internal sealed class CatalogueNames(OverholtDbContext db) : ICatalogueNames
{
    public Task<IReadOnlySet<string>> ExistingCategoriesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        FoundAsync("SELECT name FROM categories WHERE name IN ({0})", names, name => name, cancellationToken);

    public Task<IReadOnlySet<string>> ExistingProductsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        FoundAsync("SELECT DISTINCT name FROM products WHERE name IN ({0})", names, name => name, cancellationToken);

    public async Task<IReadOnlySet<string>> ExistingUserEmailsAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken)
    {
        var found = await FoundAsync("SELECT normalized_email FROM users WHERE normalized_email IN ({0})", emails.Select(UserEmails.Normalize).Distinct().ToList(), email => email, cancellationToken);
        return emails.Where(email => found.Contains(UserEmails.Normalize(email))).ToHashSet(StringComparer.Ordinal);
    }

    private async Task<IReadOnlySet<string>> FoundAsync(string select, IReadOnlyCollection<string> values, Func<string, string> key, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (values.Count == 0)
            return found;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            // No transaction: on SQLite one would take the database's single write lock for a read.
            found.Clear();
            await db.Database.OpenConnectionAsync(token);
            try
            {
                await BulkStatements.SelectInAsync(db.Database.GetDbConnection(), null, select, values, (DbDataReader reader) => found.Add(key(reader.GetString(0))), token);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            return (IReadOnlySet<string>)found;
        }, cancellationToken);
    }
}

/// <summary>How Identity keeps emails for lookup (its default normaliser): upper case, invariant culture.</summary>
internal static class UserEmails
{
    public static string Normalize(string email) => email.Trim().ToUpperInvariant();
}

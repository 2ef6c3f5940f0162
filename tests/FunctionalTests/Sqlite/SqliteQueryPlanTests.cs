using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Overholt.Testing;
using Overholt.Testing.Databases;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Sqlite;

/// <summary>
/// A read by id must find its rows by key on the embedded default too, however large the catalogue: SQLite plans a
/// joined read of a collection by materializing the whole link table, so these tests read the plan of every statement.
/// </summary>
public sealed partial class SqliteQueryPlanTests(SqliteApp sqlite) : ApiTest(sqlite.App), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Reads_by_id_scan_no_table()
    {
        var category = await Given.Category().SaveAsync();
        var product = await Given.Product().InCategory(category).SaveAsync();
        await Given.Product().InCategory(category).SaveAsync(); // links of another product, which a read must skip by key
        var store = await Given.Store().WithProduct(product).WithManager(User).SaveAsync();
        await (await AsUser.GetAsync("/api/categories")).AssertOkList(); // sign-in and the account's state, once

        foreach (var url in new[] { $"/api/products/{product.Id}", $"/api/categories/{category.Id}", $"/api/stores/{store.Id}" })
        {
            App.Statements.Reset();
            await (await AsUser.GetAsync(url)).AssertOkJson();

            var statements = App.Statements.Sent;
            Assert.NotEmpty(statements);
            foreach (var statement in statements)
            {
                // A read sends single SELECTs; anything else would run for real after EXPLAIN's first statement.
                Assert.True(statement.Sql.TrimStart().StartsWith("SELECT", StringComparison.Ordinal) && !statement.Sql.Contains(';', StringComparison.Ordinal),
                    $"{url} sent more than a single SELECT:\n{statement.Sql}");
                var plan = await PlanAsync(statement);
                Assert.True(FullScans(statement, plan).Count == 0, $"{url} scans a whole table:\n{statement.Sql}\n{string.Join('\n', plan)}");
            }
        }
    }

    /// <summary>The plan's steps that read a whole table (or a whole index of it) rather than searching it by key.</summary>
    private static List<string> FullScans(SentStatement statement, List<string> plan)
    {
        var tables = TableAlias().Matches(statement.Sql).Select(match => match.Groups["alias"].Value).ToHashSet();
        return [.. plan.Where(step => ScanStep().Match(step) is { Success: true } scan && tables.Contains(scan.Groups["alias"].Value))];
    }

    private async Task<List<string>> PlanAsync(SentStatement statement)
    {
        await using var connection = new SqliteConnection(App.Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement.Sql;
        foreach (var (name, value) in statement.Parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            steps.Add(reader.GetString(3));
        return steps;
    }

    /// <summary>
    /// The aliases EF gives names in the statement: every table in FROM or JOIN (a subquery's alias follows a
    /// parenthesis, not a name), and column aliases too, which no plan step scans.
    /// </summary>
    [GeneratedRegex("\"\\w+\" AS \"(?<alias>\\w+)\"")]
    private static partial Regex TableAlias();

    /// <summary>A full scan step: "SCAN p0" (and before SQLite 3.36, "SCAN TABLE products AS p0").</summary>
    [GeneratedRegex("^SCAN (?:TABLE \\w+ AS )?(?<alias>\\w+)")]
    private static partial Regex ScanStep();
}

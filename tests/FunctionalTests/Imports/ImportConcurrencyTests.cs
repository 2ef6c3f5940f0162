using Npgsql;
using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Imports;

/// <summary>
/// On PostgreSQL, where an import and an edit really run at once: an edit still in its transaction when the import
/// writes the same product makes the import wait, find the product changed, read it again and write on top of it.
/// </summary>
public sealed class ImportConcurrencyTests(PostgresImportApp postgres) : ApiTest(postgres.App), IClassFixture<PostgresImportApp>
{
    [Fact]
    public async Task An_edit_committed_while_the_import_writes_the_same_product_is_not_overwritten_unseen()
    {
        var fruit = await Given.Category("Fruit").SaveAsync();
        var green = await Given.Category("Green").SaveAsync();
        var apple = await Given.Product("Apple").InCategory(fruit).SaveAsync();
        var version = await ScalarAsync($"SELECT version FROM products WHERE id = {apple.Id}");

        // An admin's edit in flight: Apple moved to Green, its version on, not committed yet.
        await using var edit = new NpgsqlConnection(App.Database.ConnectionString);
        await edit.OpenAsync();
        await using var transaction = await edit.BeginTransactionAsync();
        await ExecuteAsync(edit, $"UPDATE products SET version = version + 1 WHERE id = {apple.Id}; DELETE FROM products_categories WHERE product_id = {apple.Id}; INSERT INTO products_categories (product_id, category_id) VALUES ({apple.Id}, {green.Id})");

        var upload = await AsAdmin.UploadAsync("products", "name,categories\nApple,Fruit|Green\n");
        var id = (await upload.AssertOkJson(System.Net.HttpStatusCode.Accepted)).GetProperty("id").GetString()!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await (await AsAdmin.GetAsync($"/api/imports/{id}")).AssertOkJson()).GetProperty("status").GetString() != "writing")
        {
            Assert.True(DateTime.UtcNow < deadline, "The import never started writing");
            await Task.Delay(50);
        }

        await Task.Delay(500); // the import's version check now waits for the edit's row lock
        await transaction.CommitAsync();
        var status = await AsAdmin.WaitAsync(id);

        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        Assert.Equal("1 row written: 0 created, 1 updated, 0 unchanged.", status.GetProperty("message").GetString());
        Assert.Equal(version + 2, await ScalarAsync($"SELECT version FROM products WHERE id = {apple.Id}")); // the edit, then the import on top of it
        Assert.Equal(2, await ScalarAsync($"SELECT count(*) FROM products_categories WHERE product_id = {apple.Id}"));
    }

    private async Task<int> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Domain.Imports;
using Overholt.FunctionalTests.Exports;
using Overholt.Infrastructure.Persistence;
using Overholt.Testing;
using Overholt.Testing.Http;
using Overholt.Testing.Pages;

namespace Overholt.FunctionalTests.Imports;

/// <summary>
/// CSV import through the API, run by the worker: all or nothing, matched by name so a second import changes nothing,
/// the API's own rules on every field, and hostile files refused whole with a message that says why. Every test runs
/// on PostgreSQL and on SQLite.
/// </summary>
public abstract class ImportTests(OverholtApp app) : ApiTest(app)
{
    [Fact]
    public async Task Products_are_created_in_their_categories_and_importing_the_same_file_again_changes_nothing()
    {
        await Given.Category("Fruit").SaveAsync();
        await Given.Category("Green").SaveAsync();
        const string File = "name,categories\nApple,Fruit|Green\nPear,Fruit\n";

        var first = await AsAdmin.ImportAsync("products", File);
        var before = await ProductsAsync();
        var second = await AsAdmin.ImportAsync("products", File);

        Assert.Equal("succeeded", first.GetProperty("status").GetString());
        Assert.Equal((2, 2, 2), (first.GetProperty("total").GetInt32(), first.GetProperty("checked").GetInt32(), first.GetProperty("written").GetInt32()));
        Assert.Equal("2 rows written: 2 created, 0 updated, 0 unchanged.", first.GetProperty("message").GetString());
        Assert.Equal([("Apple", "Fruit|Green", 1), ("Pear", "Fruit", 1)], before);
        Assert.Equal("2 rows written: 0 created, 0 updated, 2 unchanged.", second.GetProperty("message").GetString());
        Assert.Equal(before, await ProductsAsync());
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM import_files")); // a finished import keeps no file
        // Its history, written with it against the admin who started it; the second import, which changed nothing, wrote none.
        var created = (await (await AsAdmin.GetAsync("/api/history?action=product.created")).AssertOkList()).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(2, created.Count);
        Assert.All(created, entry => Assert.Equal(Admin.Email, entry.GetProperty("actor").GetProperty("email").GetString()));
        Assert.Equal(["Apple", "Pear"], created.Select(entry => entry.GetProperty("changes").GetProperty("name")[1].GetString()).Order());
    }

    [Fact]
    public async Task An_existing_product_gets_the_files_categories_and_only_it_moves_its_version()
    {
        var fruit = await Given.Category("Fruit").SaveAsync();
        await Given.Category("Green").SaveAsync();
        await Given.Product("Apple").InCategory(fruit).SaveAsync();
        await Given.Product("Pear").InCategory(fruit).SaveAsync();
        var before = await ProductsAsync();

        var status = await AsAdmin.ImportAsync("products", "name,categories\nApple,Green\nPear,Fruit\n");

        Assert.Equal("2 rows written: 0 created, 1 updated, 1 unchanged.", status.GetProperty("message").GetString());
        Assert.Equal([("Apple", "Green", before[0].Version + 1), ("Pear", "Fruit", before[1].Version)], await ProductsAsync());
    }

    [Fact]
    public async Task Unknown_categories_are_refused_unless_asked_to_create_them_and_a_pipe_in_a_name_is_escaped()
    {
        await Given.Category("Fruit").SaveAsync();
        const string File = "name,categories\nApple,Fruit|Red\\|Green\nPear,Fruit\n";

        var refused = await AsAdmin.ImportAsync("products", File);
        var created = await AsAdmin.ImportAsync("products", File, unknownCategories: "create");

        Assert.Equal("refused", refused.GetProperty("status").GetString());
        Assert.Equal(0, refused.GetProperty("written").GetInt32());
        Assert.Equal([(2, "categories", "No category is named 'Red|Green'; importing with unknown categories created (unknown_categories=create in the API) would create it")], refused.RefusedRows());
        Assert.Equal("succeeded", created.GetProperty("status").GetString());
        Assert.Equal([("Apple", "Fruit|Red\\|Green", 1), ("Pear", "Fruit", 1)], await ProductsAsync());
        var export = await (await AsUser.GetAsync("/api/products/export?sort=name")).AssertCsv("products.csv");
        Assert.Equal("Fruit|Red\\|Green", export[1][2]); // export writes what import reads
    }

    [Fact]
    public async Task One_refused_row_writes_nothing_and_every_refused_row_is_reported_with_its_line_and_column()
    {
        await Given.Category("Fruit").SaveAsync();
        var file = "name,categories\nApple,Fruit\nNul\u0000name,Fruit\n\"Evil\u202Eexe.txt\",Fruit\nNo category,\nApple,Fruit\n" + new string('x', 256) + ",Fruit\n";

        var status = await AsAdmin.ImportAsync("products", file);

        Assert.Equal("refused", status.GetProperty("status").GetString());
        Assert.Equal("5 rows of 6 refused, so nothing was written.", status.GetProperty("message").GetString());
        Assert.Equal((6, 6, 0, 5), (status.GetProperty("total").GetInt32(), status.GetProperty("checked").GetInt32(), status.GetProperty("written").GetInt32(), status.GetProperty("refused").GetInt32()));
        var rows = status.RefusedRows();
        Assert.Equal([3, 4, 5, 6, 7], rows.Select(row => row.Line));
        Assert.All(rows.Take(2), row => Assert.Equal(("name", "'name' must not contain control characters or invisible ones (direction overrides, zero-width spaces)."), (row.Field, row.Message)));
        Assert.Equal(("categories", "A product needs at least one category"), (rows[2].Field, rows[2].Message));
        Assert.Equal(("name", "Line 2 has the same name: a file names each record once"), (rows[3].Field, rows[3].Message));
        Assert.Equal("name", rows[4].Field);
        Assert.Empty(await ProductsAsync());

        var id = status.GetProperty("id").GetString();
        var csv = await (await AsAdmin.GetAsync($"/api/imports/{id}/refused")).AssertCsv("refused-rows-import.csv");
        Assert.Equal(["line", "field", "message"], csv[0]);
        Assert.Equal(["3", "4", "5", "6", "7"], csv.Skip(1).Select(row => row[0]));
    }

    [Fact]
    public async Task Asked_to_write_the_valid_rows_it_writes_them_and_reports_the_others()
    {
        await Given.Category("Fruit").SaveAsync();

        var status = await AsAdmin.ImportAsync("products", "name,categories\nApple,Fruit\nBad\u200Bname,Fruit\nPear,Nope\n", mode: "valid_rows");

        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        Assert.Equal("1 row written: 1 created, 0 updated, 0 unchanged; 2 rows refused.", status.GetProperty("message").GetString());
        Assert.Equal([3, 4], status.RefusedRows().Select(row => row.Line));
        Assert.Equal([("Apple", "Fruit", 1)], await ProductsAsync());
    }

    [Fact]
    public async Task Stores_are_created_with_their_products_and_managers_updated_by_name_and_left_alone_when_unchanged()
    {
        var fruit = await Given.Category("Fruit").SaveAsync();
        await Given.Product("Apple").InCategory(fruit).SaveAsync();
        await Given.Product("Pear").InCategory(fruit).SaveAsync();
        var manager = await Given.User("manager@example.com").SaveAsync();
        await Given.Store("Old shop").InCity("Salem").SaveAsync();
        var file = "name,address,city,state,zip_code,products,managers\n"
            + "Corner shop,1 Main St,Portland,OR,97201,Apple|Pear,MANAGER@example.com\n"
            + "Old shop,2 High St,Eugene,OR,97401,Apple,\n";

        var first = await AsAdmin.ImportAsync("stores", file);
        var second = await AsAdmin.ImportAsync("stores", file);

        Assert.Equal("2 rows written: 1 created, 1 updated, 0 unchanged.", first.GetProperty("message").GetString());
        Assert.Equal("2 rows written: 0 created, 0 updated, 2 unchanged.", second.GetProperty("message").GetString());
        var rows = await (await AsUser.GetAsync("/api/stores/export?sort=name")).AssertCsv("stores.csv");
        Assert.Equal(["Corner shop", "1 Main St", "Portland", "OR", "97201", "Apple|Pear", manager.Email], rows[1][1..]);
        Assert.Equal(["Old shop", "2 High St", "Eugene", "OR", "97401", "Apple", string.Empty], rows[2][1..]);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM outbox_messages WHERE type = 'ManagerAdded'")); // the new manager is told, once
    }

    [Fact]
    public async Task A_store_row_naming_a_product_or_a_user_that_does_not_exist_is_refused_by_the_stores_rules_too()
    {
        var status = await AsAdmin.ImportAsync("stores", "name,address,city,state,zip_code,products,managers\nShop,1 Main St,Salem,OR,97301,Ghost,nobody@example.com\nShop 2,,Salem,OR,97301,,\n");

        Assert.Equal("refused", status.GetProperty("status").GetString());
        Assert.Equal(
            [(2, "products", "No product is named 'Ghost'"), (2, "managers", "No user has the email 'nobody@example.com'"), (3, "address", "'address' must not be empty.")],
            status.RefusedRows());
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM stores"));
    }

    [Fact]
    public async Task A_utf8_byte_order_mark_is_skipped_and_quoted_fields_are_read_as_csv_says()
    {
        await Given.Category("Fruit").SaveAsync();
        var file = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Name,Categories\r\n\"Big, \"\"bold\"\"\",Fruit\r\nPear,Fruit\r\n")).ToArray();

        var status = await AsAdmin.ImportAsync("products", file);

        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        Assert.Equal([("Big, \"bold\"", "Fruit", 1), ("Pear", "Fruit", 1)], await ProductsAsync());
    }

    [Fact]
    public async Task A_quoted_line_break_stays_in_its_cell_where_the_name_rule_refuses_it_and_later_lines_keep_their_numbers()
    {
        await Given.Category("Fruit").SaveAsync();

        var status = await AsAdmin.ImportAsync("products", "name,categories\n\"Two\nlines\",Fruit\nPear,\n");

        Assert.Equal(2, status.GetProperty("total").GetInt32());
        Assert.Equal([(2, "name", "'name' must not contain control characters or invisible ones (direction overrides, zero-width spaces)."), (4, "categories", "A product needs at least one category")], status.RefusedRows());
    }

    [Fact]
    public async Task Formula_cells_are_kept_as_text_and_an_exports_escape_is_undone()
    {
        await Given.Category("=1+1").SaveAsync();
        await Given.Category("Fruit").SaveAsync();

        var status = await AsAdmin.ImportAsync("products", "name,categories\n\"=cmd|' /C calc'!A0\",Fruit\n'@SUM(1),'=1+1\n-2 for 1,Fruit\n");

        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        Assert.Equal([("-2 for 1", "Fruit", 1), ("=cmd|' /C calc'!A0", "Fruit", 1), ("@SUM(1)", "=1+1", 1)], await ProductsAsync());
        var export = await (await AsUser.GetAsync("/api/products/export?sort=name")).AssertCsv("products.csv");
        Assert.Equal(["'-2 for 1", "'=cmd|' /C calc'!A0", "'@SUM(1)"], export.Skip(1).Select(row => row[1]));
    }

    [Theory]
    [InlineData("png", "The file is not a CSV text file: it holds binary data")]
    [InlineData("latin1", "The file is not UTF-8 text: line 2 has the byte 0xE9, which UTF-8 does not allow there, as Latin-1 (ISO-8859-1) or Windows-1252 text would.")]
    [InlineData("missing", "The header lacks the column 'categories'.")]
    [InlineData("twice", "The header names the column 'name' twice.")]
    [InlineData("unknown", "The header has a column this import does not read: 'colour'.")]
    [InlineData("quote", "The file is not valid CSV: the record on line 2 has a quote out of place")]
    [InlineData("empty", "The file is empty")]
    public async Task A_file_that_cannot_be_read_as_a_whole_fails_with_a_message_saying_why_and_writes_nothing(string kind, string message)
    {
        await Given.Category("Fruit").SaveAsync();
        byte[] file = kind switch
        {
            "png" => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 1, 0],
            "latin1" => Encoding.Latin1.GetBytes("name,categories\nCafé,Fruit\n"),
            "missing" => Encoding.UTF8.GetBytes("name\nApple\n"),
            "twice" => Encoding.UTF8.GetBytes("name,categories,Name\nApple,Fruit,Pear\n"),
            "unknown" => Encoding.UTF8.GetBytes("name,categories,colour\nApple,Fruit,red\n"),
            "quote" => Encoding.UTF8.GetBytes("name,categories\n\"Apple\"x,Fruit\n"),
            _ => [],
        };

        var upload = await AsAdmin.UploadAsync("products", file, fileName: "photo.csv");
        if (kind == "empty")
        {
            await upload.AssertProblem(400, "file");
            return;
        }

        var status = await AsAdmin.FinishedAsync(upload);
        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.StartsWith(message, status.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(await ProductsAsync());
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_a_413_problem_before_any_import_exists()
    {
        var file = new byte[60 * 1024 * 1024];
        Array.Fill(file, (byte)'a');

        var problem = await (await AsAdmin.UploadAsync("products", file)).AssertProblem(413);

        Assert.Contains("larger than 50 MB", problem.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM imports"));
    }

    [Fact]
    public async Task A_file_over_the_row_limit_fails_without_reading_the_rest()
    {
        await Given.Category("Fruit").SaveAsync();
        var file = new StringBuilder("name,categories\n", 16_000_000);
        for (var i = 0; i < 1_000_000; i++)
            file.Append('P').Append(i.ToString(CultureInfo.InvariantCulture)).Append(",Fruit\n");

        var status = await AsAdmin.ImportAsync("products", file.ToString());

        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Equal($"The file has more than {ImportLimits.MaxRows:N0} rows, the most one import takes. Split it into several files.", status.GetProperty("message").GetString());
        Assert.Empty(await ProductsAsync());
    }

    [Fact]
    public async Task Only_admins_may_import_or_read_an_import()
    {
        var status = await AsAdmin.ImportAsync("products", "name,categories\nApple,Fruit\n");
        var id = status.GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.UploadAsync("products", "name,categories\n")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await AsUser.UploadAsync("products", "name,categories\n")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.GetAsync($"/api/imports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await AsUser.GetAsync($"/api/imports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await AsUser.GetAsync($"/api/imports/{id}/refused")).StatusCode);
        await (await AsAdmin.GetAsync($"/api/imports/{Guid.NewGuid()}")).AssertProblem(404);
        await (await AsAdmin.UploadAsync("customers", "name\n")).AssertProblem(400, "kind");
        await (await AsAdmin.UploadAsync("products", "name,categories\n", mode: "some")).AssertProblem(400, "mode");
    }

    [Fact]
    public async Task Two_imports_of_the_same_file_at_once_both_succeed_and_create_each_product_once()
    {
        await Given.Category("Fruit").SaveAsync();
        var file = new StringBuilder("name,categories\n");
        for (var i = 0; i < 3_000; i++)
            file.Append(CultureInfo.InvariantCulture, $"Product {i:D4},Fruit\n");

        var uploads = await Task.WhenAll(AsAdmin.UploadAsync("products", file.ToString()), AsAdmin.UploadAsync("products", file.ToString()));
        var results = await Task.WhenAll(uploads.Select(upload => AsAdmin.FinishedAsync(upload)));

        Assert.All(results, result => Assert.Equal("succeeded", result.GetProperty("status").GetString()));
        Assert.Equal(3_000, await CountAsync("SELECT count(*) FROM products"));
        Assert.Equal(3_000, await CountAsync("SELECT count(DISTINCT name) FROM products"));
        Assert.Equal(3_000, await CountAsync("SELECT count(*) FROM products_categories"));
    }

    [Fact]
    public async Task An_import_and_an_admins_edit_of_the_same_product_at_once_both_apply_one_after_the_other()
    {
        await Given.Category("Fruit").SaveAsync();
        await Given.Category("Green").SaveAsync();
        var red = await Given.Category("Red").SaveAsync();
        var products = await Given.ProductsAsync(2_000, number => $"Product {number:D4}");
        var file = new StringBuilder("name,categories\n");
        foreach (var product in products)
            file.Append(CultureInfo.InvariantCulture, $"{product.Name},Fruit|Green\n");
        var edited = products[1_000];
        var version = await CountAsync($"SELECT version FROM products WHERE id = {edited.Id}");

        var upload = AsAdmin.UploadAsync("products", file.ToString());
        var edits = Enumerable.Range(0, 5).Select(async _ =>
        {
            await Task.Delay(Random.Shared.Next(0, 300));
            return await AsAdmin.PutJsonAsync($"/api/products/{edited.Id}", new { name = edited.Name, categories = new[] { red.Id } });
        }).ToList();
        var status = await AsAdmin.FinishedAsync(await upload);
        var answers = await Task.WhenAll(edits);

        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        // Each change that found it different moved its version once: none was written over another unseen.
        var final = (await ProductsAsync()).Single(product => product.Name == edited.Name);
        var changes = await CountAsync($"SELECT version FROM products WHERE id = {edited.Id}") - version;
        Assert.True(changes >= 2, $"version moved {changes} times");
        Assert.Contains(final.Categories, new[] { "Red", "Fruit|Green" });
        Assert.Equal(final.Version, version + changes);
        // The history shows each of them, by whom: every change that moved the version has its entry, the import's among them.
        var history = await (await AsAdmin.GetAsync($"/api/products/{edited.Id}/history?page_size=50")).AssertOkList();
        var updates = history.GetProperty("data").EnumerateArray().Where(entry => entry.GetProperty("action").GetString() == "product.updated").ToList();
        Assert.Equal(changes, updates.Count); // and nothing for an edit that lost the race for the version (it ran again)
        Assert.All(updates, entry => Assert.Equal(Admin.Email, entry.GetProperty("actor").GetProperty("email").GetString()));
    }

    [Fact]
    public async Task A_cached_product_list_shows_the_imported_products_as_soon_as_the_import_has_finished()
    {
        await Given.Category("Fruit").SaveAsync();
        for (var i = 0; i < 2; i++)
            await (await AsUser.GetAsync("/api/products?page=1&page_size=20")).AssertOkList(); // read twice: kept where the cache is on

        await AsAdmin.ImportAsync("products", "name,categories\nApple,Fruit\n");

        var list = await (await AsUser.GetAsync("/api/products?page=1&page_size=20")).AssertOkList();
        Assert.Equal(["Apple"], list.GetProperty("data").EnumerateArray().Select(product => product.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_import_command_runs_the_same_import_in_the_console_printing_its_progress_and_exits_1_when_a_row_is_refused()
    {
        await Given.Category("Fruit").SaveAsync();
        var good = Path.GetTempFileName();
        var bad = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(good, "name,categories\nApple,Fruit\nPear,Fruit|Green\n");
            await File.WriteAllTextAsync(bad, "name,categories\nApple,Fruit\nEvil\u202Ename,Fruit\n");

            var refused = await ManagementCommand.RunAsync("Production", App.Database.Provider, App.Database.ConnectionString, null, "import", "products", bad);
            var written = await ManagementCommand.RunAsync("Production", App.Database.Provider, App.Database.ConnectionString, null, "import", "products", good, "--unknown-categories", "create");

            Assert.Equal(1, refused.Exit);
            Assert.Contains("1 row of 2 refused, so nothing was written.", refused.Output, StringComparison.Ordinal);
            Assert.Contains("  line 3, name: 'name' must not contain control characters", refused.Output, StringComparison.Ordinal);
            Assert.True(written.Exit == 0, written.Output + written.Error);
            Assert.Contains("Checking 2 rows", written.Output, StringComparison.Ordinal);
            Assert.Contains("2 rows written: 2 created, 0 updated, 0 unchanged, 1 category created.", written.Output, StringComparison.Ordinal);
            Assert.Equal([("Apple", "Fruit", 1), ("Pear", "Fruit|Green", 1)], await ProductsAsync());
        }
        finally
        {
            File.Delete(good);
            File.Delete(bad);
        }
    }

    [Fact]
    public async Task The_import_page_uploads_a_file_and_its_status_page_shows_the_bars_then_the_refused_rows()
    {
        await Given.Category("Fruit").SaveAsync();
        using var browser = await App.BrowserFor(Admin);
        var page = await browser.GetAsync("/imports");
        var form = page.Form("/imports");
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        Assert.Contains(page.QuerySelectorAll("nav a"), link => link.TextContent.Trim() == "Import" && link.GetAttribute("href") == "/imports");

        using var upload = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent("products"), "Kind" },
            { new StringContent("refuse"), "UnknownCategories" },
            { new StringContent("all_or_nothing"), "Mode" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("name,categories\nApple,Fruit\nPear,Nope\n")), "File", "fruit.csv" },
        };
        var posted = await browser.Http.PostAsync("/imports", upload);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var statusUrl = posted.Headers.Location!.OriginalString;
        var id = statusUrl["/imports/".Length..];

        var running = await browser.GetAsync(statusUrl);
        Assert.Equal(2, running.QuerySelectorAll("progress[aria-labelledby]").Length);
        Assert.Equal($"/imports/{id}/progress", running.QuerySelector("#import-status")!.GetAttribute("data-progress-url"));
        await AsAdmin.WaitAsync(id);
        var progress = await browser.Http.GetStringAsync($"/imports/{id}/progress");
        Assert.Contains("\"is_finished\":true", progress, StringComparison.Ordinal);
        var done = await browser.GetAsync(statusUrl);

        Assert.Null(done.QuerySelector("noscript")); // finished: nothing refreshes it any more
        Assert.Equal("1 row of 2 refused, so nothing was written.", done.QuerySelector(".alert")!.TextContent.Trim());
        Assert.Equal(["3", "categories"], done.QuerySelectorAll("table tbody td").Take(2).Select(cell => cell.TextContent));
        Assert.Equal($"/imports/{id}/refused", done.QuerySelectorAll("a").Single(link => link.TextContent.StartsWith("Download", StringComparison.Ordinal)).GetAttribute("href"));
        var csv = await (await browser.Http.GetAsync($"/imports/{id}/refused")).AssertCsv("refused-rows-fruit.csv");
        Assert.Equal(["3", "categories"], csv[1][..2]);
    }

    [Fact]
    public async Task The_import_page_is_for_admins_and_says_what_is_wrong_with_a_form_without_a_file()
    {
        using var user = await App.BrowserFor(User);
        var (forbidden, _) = await user.GetAnyAsync("/imports");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.DoesNotContain((await user.GetAsync("/")).QuerySelectorAll("nav a"), link => link.TextContent.Trim() == "Import");

        using var admin = await App.BrowserFor(Admin);
        var form = (await admin.GetAsync("/imports")).Form("/imports");
        using var empty = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent("products"), "Kind" },
        };
        var response = await admin.Http.PostAsync("/imports", empty);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose a CSV file that is not empty.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM imports"));
    }

    /// <summary>Every product: name, categories (sorted, as export joins them) and version, by name.</summary>
    protected async Task<IReadOnlyList<(string Name, string Categories, int Version)>> ProductsAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OverholtDbContext>();
        var products = await db.Products.AsNoTracking().Include(product => product.Categories).ToListAsync();
        return [.. products
            .Select(product => (product.Name, Overholt.Application.Exports.NameList.Join(product.Categories.Select(category => category.Name).Order(StringComparer.Ordinal)), product.Version))
            .OrderBy(product => product.Name, StringComparer.Ordinal)];
    }

    protected async Task<int> CountAsync(string sql)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OverholtDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

public sealed class PostgresImportTests(PostgresImportApp postgres) : ImportTests(postgres.App), IClassFixture<PostgresImportApp>;

public sealed class SqliteImportTests(SqliteImportApp sqlite) : ImportTests(sqlite.App), IClassFixture<SqliteImportApp>;

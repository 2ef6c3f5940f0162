using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Overholt.Testing.Databases;

namespace Overholt.BrowserTests;

/// <summary>
/// The Import page in headless Chromium, with a worker: an admin uploads a file, watches the checked bar reach 100%
/// moved by the page's script (no reload), then sees the result and the refused rows; then edits an imported product
/// and finds both changes on its History tab.
/// </summary>
public sealed class ImportJourneyTests : IAsyncLifetime
{
    private const int Rows = 150_000;

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"overholt-products-{Guid.NewGuid():N}.csv");
    private ChromiumApp _chromium = null!;

    public async ValueTask InitializeAsync()
    {
        _chromium = await ChromiumApp.StartAsync(TestDatabase.CreateSqlite(), new Dictionary<string, string?> { ["Role"] = "all" });
        var csv = new StringBuilder("name,categories\n");
        for (var i = 0; i < Rows; i++)
            csv.Append(CultureInfo.InvariantCulture, $"Product {i:D6},{(i % 50_000 == 7 ? "Nope" : "Fruit")}\n");
        await File.WriteAllTextAsync(_file, csv.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        File.Delete(_file);
        await _chromium.DisposeAsync();
    }

    [Fact]
    public async Task An_admin_uploads_a_file_watches_the_bar_reach_100_percent_sees_the_refused_rows_and_the_history_of_an_edited_product()
    {
        await _chromium.App.Given.Category("Fruit").SaveAsync();
        var page = await _chromium.SignedInPageAsync(_chromium.App.Admin);
        // Records each value the checked bar is given after the page has loaded, in storage that outlives a reload.
        await page.AddInitScriptAsync("""
            document.addEventListener('DOMContentLoaded', () => {
              const bar = document.getElementById('checked-bar');
              if (!bar) return;
              new MutationObserver(() => {
                const moves = JSON.parse(sessionStorage.getItem('checked-bar') || '[]');
                moves.push([bar.value, bar.max]);
                sessionStorage.setItem('checked-bar', JSON.stringify(moves));
              }).observe(bar, { attributes: true });
            });
            """);
        await page.GetByRole(AriaRole.Link, new() { Name = "Import", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("Products", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("CSV file").SetInputFilesAsync(_file);
        await page.GetByLabel("When some rows are refused").SelectOptionAsync(new SelectOptionValue { Label = "Write the valid rows" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        // The upload (3 MB) and the import are timed generously: they measure a loaded CI machine, not the app.
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/imports/[0-9a-f-]{36}$"), new() { Timeout = 120_000 });

        // Finished, the script loads the page again with the result.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Refused rows" })).ToBeVisibleAsync(new() { Timeout = 240_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync($"{Rows - 3:N0} rows written: {Rows - 3:N0} created, 0 updated, 0 unchanged; 3 rows refused.");
        Assert.Equal(Rows, await page.EvaluateAsync<int>("document.getElementById('checked-bar').value"));
        // Before that, the script moved the bar on the page as it was (the server's pages never change it): to 100% too.
        var moves = await page.EvaluateAsync<int[][]>("JSON.parse(sessionStorage.getItem('checked-bar') || '[]')");
        Assert.Contains(moves, move => move[0] == Rows && move[1] == Rows);
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Refused rows" });
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(table.Locator("tbody tr").First).ToContainTextAsync("No category is named 'Nope'");
        Assert.Equal(Rows, await page.EvaluateAsync<int>("document.getElementById('written-bar').max"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumApp.Screenshot("import.png"), FullPage = true });

        // An imported product edited on its page: its History tab shows both changes, newest first, with who and when.
        await page.GotoAsync("/products?search=Product%20000001");
        await page.GetByRole(AriaRole.Link, new() { Name = "Product 000001", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Product 000001 (edited)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Product 000001 (edited)" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "History", Exact = true }).ClickAsync();
        var rows = page.Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("product.updated");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Product 000001 (edited)");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("product.created");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var row = 0; row < 2; row++)
        {
            await Assertions.Expect(rows.Nth(row)).ToContainTextAsync(_chromium.App.Admin.Email);
            Assert.StartsWith(today, await rows.Nth(row).Locator("time").GetAttributeAsync("datetime"), StringComparison.Ordinal);
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumApp.Screenshot("import-history.png"), FullPage = true });
    }
}

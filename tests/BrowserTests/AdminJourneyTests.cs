using Microsoft.Playwright;
using Overholt.Testing;
using Overholt.Testing.Databases;

namespace Overholt.BrowserTests;

/// <summary>
/// The admin pages in headless Chromium against the app on real Kestrel: the journey a new admin takes.
/// Screenshots of the dashboard and a store page are saved to artifacts/screenshots.
/// </summary>
public sealed class AdminJourneyTests : IAsyncLifetime
{
    private ChromiumApp _chromium = null!;

    private OverholtApp App => _chromium.App;

    public async ValueTask InitializeAsync() => _chromium = await ChromiumApp.StartAsync(TestDatabase.CreateSqlite());

    public async ValueTask DisposeAsync() => await _chromium.DisposeAsync();

    [Fact]
    public async Task An_admin_signs_in_builds_a_store_with_a_product_and_a_manager_and_signs_out()
    {
        var page = await _chromium.OpenPageAsync(1200, 800);

        await page.GotoAsync("/");
        await page.GetByLabel("Email").FillAsync(App.Admin.Email);
        await page.GetByLabel("Password").FillAsync(App.Admin.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        // Bootstrap really applies (it is served by the app, compressed): the navigation bar is dark.
        Assert.Equal("rgb(33, 37, 41)", await page.EvalOnSelectorAsync<string>("nav.navbar", "nav => getComputedStyle(nav).backgroundColor"));

        await page.GotoAsync("/categories/new");
        await page.GetByLabel("Name").FillAsync("Fruit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fruit" })).ToBeVisibleAsync();

        await page.GotoAsync("/products/new");
        await page.GetByLabel("Name").FillAsync("Apple");
        await page.GetByLabel("Fruit").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Apple" })).ToBeVisibleAsync();

        await page.GotoAsync("/stores/new");
        await FillNewStoreAsync(page, "Corner shop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Corner shop" })).ToBeVisibleAsync();

        await page.GetByLabel("Product name contains").FillAsync("app");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find products" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add Apple" }).ClickAsync();
        await Assertions.Expect(page.Locator("#store-products")).ToContainTextAsync("Apple");

        await page.GetByLabel("Email contains").FillAsync(App.User.Email.Split('@')[0]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find users" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Add {App.User.Email}" }).ClickAsync();
        await Assertions.Expect(page.Locator("#store-managers")).ToContainTextAsync(App.User.Email);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumApp.Screenshot("store.png"), FullPage = true });

        // The store's History tab: each change, newest first, with who made it.
        await page.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        var rows = page.Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("store.manager_added");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("store.product_added");
        await Assertions.Expect(rows.Nth(2)).ToContainTextAsync("store.created");
        await Assertions.Expect(rows.Nth(2)).ToContainTextAsync(App.Admin.Email);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumApp.Screenshot("history.png"), FullPage = true });

        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Corner shop" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumApp.Screenshot("dashboard.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task On_a_phone_the_navigation_folds_into_a_menu_button()
    {
        var page = await _chromium.OpenPageAsync(390, 844);
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(App.User.Email);
        await page.GetByLabel("Password").FillAsync(App.User.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" })).ToBeVisibleAsync();
        var storesLink = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Stores", Exact = true });
        await Assertions.Expect(storesLink).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await storesLink.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stores", Level = 1 })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumApp.Screenshot("stores-phone.png"), FullPage = true });
    }

    /// <summary>
    /// The site script disables a create form's button once its post is on the way, so a double click posts once. (The
    /// server's one-time form id stands behind it, tested in the functional tests.)
    /// </summary>
    [Fact]
    public async Task Double_clicking_save_on_a_new_store_posts_the_form_once_and_disables_the_button()
    {
        var page = await _chromium.SignedInPageAsync(App.Admin);

        // The posts are counted and go no further, so the page stays as the clicks left it.
        var posts = 0;
        var posted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/stores/new", route =>
        {
            if (route.Request.Method != "POST")
                return route.ContinueAsync();
            Interlocked.Increment(ref posts);
            posted.TrySetResult();
            return route.AbortAsync("aborted");
        });
        await page.GotoAsync("/stores/new");
        await FillNewStoreAsync(page, "Corner shop");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save" });
        await save.DblClickAsync();

        await Assertions.Expect(save).ToBeDisabledAsync();
        // The route handler hears of a post after the browser sent it: wait for the first, then give a second time to arrive.
        await posted.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.Equal(1, Volatile.Read(ref posts));
    }

    private static async Task FillNewStoreAsync(IPage page, string name)
    {
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Address").FillAsync("1 Main St");
        await page.GetByLabel("City").FillAsync("Portland");
        await page.GetByLabel("State").FillAsync("OR");
        await page.GetByLabel("Zip code").FillAsync("97201");
    }
}

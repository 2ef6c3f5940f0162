using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
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
    private const string ChromiumPath = "/usr/bin/chromium";

    private readonly OverholtApp _app = new(TestDatabase.CreateSqlite());
    private readonly List<string> _securityPolicyViolations = [];
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _baseUrl = null!;

    public async ValueTask InitializeAsync()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        await _app.ResetAsync();
        _baseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("OVERHOLT_CHROMIUM") ?? ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        Assert.Empty(_securityPolicyViolations);
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
        await _app.Database.DisposeAsync();
    }

    [Fact]
    public async Task An_admin_signs_in_builds_a_store_with_a_product_and_a_manager_and_signs_out()
    {
        var page = await OpenPageAsync(1200, 800);

        await page.GotoAsync("/");
        await page.GetByLabel("Email").FillAsync(_app.Admin.Email);
        await page.GetByLabel("Password").FillAsync(_app.Admin.Password);
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
        await page.GetByLabel("Name").FillAsync("Corner shop");
        await page.GetByLabel("Address").FillAsync("1 Main St");
        await page.GetByLabel("City").FillAsync("Portland");
        await page.GetByLabel("State").FillAsync("OR");
        await page.GetByLabel("Zip code").FillAsync("97201");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Corner shop" })).ToBeVisibleAsync();

        await page.GetByLabel("Product to add").SelectOptionAsync(new SelectOptionValue { Label = "Apple" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add product" }).ClickAsync();
        await Assertions.Expect(page.Locator("#store-products")).ToContainTextAsync("Apple");

        await page.GetByLabel("Email of the new manager").FillAsync(_app.User.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add manager" }).ClickAsync();
        await Assertions.Expect(page.Locator("#store-managers")).ToContainTextAsync(_app.User.Email);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("store.png"), FullPage = true });

        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Corner shop" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("dashboard.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task On_a_phone_the_navigation_folds_into_a_menu_button()
    {
        var page = await OpenPageAsync(390, 844);
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(_app.User.Email);
        await page.GetByLabel("Password").FillAsync(_app.User.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" })).ToBeVisibleAsync();
        var storesLink = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Stores", Exact = true });
        await Assertions.Expect(storesLink).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await storesLink.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stores", Level = 1 })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("stores-phone.png"), FullPage = true });
    }

    /// <summary>
    /// The site script disables a create form's button once its post is on the way, so a double click posts once. (The
    /// server's one-time form id stands behind it, tested in the functional tests.)
    /// </summary>
    [Fact]
    public async Task Double_clicking_save_on_a_new_store_posts_the_form_once_and_disables_the_button()
    {
        var page = await OpenPageAsync(1200, 800);
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(_app.Admin.Email);
        await page.GetByLabel("Password").FillAsync(_app.Admin.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();

        // The posts are counted and go no further, so the page stays as the clicks left it.
        var posts = 0;
        await page.RouteAsync("**/stores/new", route =>
        {
            if (route.Request.Method != "POST")
                return route.ContinueAsync();
            Interlocked.Increment(ref posts);
            return route.AbortAsync("aborted");
        });
        await page.GotoAsync("/stores/new");
        await page.GetByLabel("Name").FillAsync("Corner shop");
        await page.GetByLabel("Address").FillAsync("1 Main St");
        await page.GetByLabel("City").FillAsync("Portland");
        await page.GetByLabel("State").FillAsync("OR");
        await page.GetByLabel("Zip code").FillAsync("97201");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save" });
        await save.DblClickAsync();

        await Assertions.Expect(save).ToBeDisabledAsync();
        Assert.Equal(1, posts);
    }

    /// <summary>A page that records any Content-Security-Policy violation the browser reports (checked when the test ends).</summary>
    private async Task<IPage> OpenPageAsync(int width, int height)
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = _baseUrl, ViewportSize = new ViewportSize { Width = width, Height = height } });
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                _securityPolicyViolations.Add(message.Text);
        };
        return page;
    }

    /// <summary>artifacts/screenshots at the repository root (or OVERHOLT_ARTIFACTS), kept after the run.</summary>
    private static string Screenshot(string name)
    {
        var root = Environment.GetEnvironmentVariable("OVERHOLT_ARTIFACTS") ?? Path.Combine(Repository.Root, "artifacts");
        var directory = Path.Combine(root, "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }
}

using System.Net;
using AngleSharp.Html.Dom;
using Overholt.Application.Paging;
using Overholt.Application.Products;
using Overholt.Testing;
using Overholt.Testing.Pages;
using Overholt.Web.Pages.Models;

namespace Overholt.FunctionalTests.Pages;

public sealed class StorePagesTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    [Fact]
    public async Task An_admin_creates_a_store_through_the_form()
    {
        using var browser = await App.BrowserFor(Admin);
        var form = await browser.GetAsync("/stores/new");

        var page = await browser.SubmitAndFollowAsync(form.Form("/stores/new"), new()
        {
            ["Name"] = "Corner shop",
            ["Address"] = "1 Main St",
            ["City"] = "Portland",
            ["State"] = "OR",
            ["ZipCode"] = "97201",
        });

        Assert.Equal("Corner shop", page.Heading());
        Assert.Equal("Store Corner shop created.", page.Alert());
    }

    [Fact]
    public async Task Validation_errors_show_beside_the_fields_and_keep_the_input()
    {
        using var browser = await App.BrowserFor(Admin);
        var form = await browser.GetAsync("/stores/new");

        var page = await browser.SubmitAndFollowAsync(form.Form("/stores/new"), new() { ["Name"] = "Corner shop", ["City"] = "" });

        Assert.Equal("Add Store", page.Heading());
        Assert.Equal("'City' must not be empty.", page.FieldError("City"));
        Assert.Equal("'Zip code' must not be empty.", page.FieldError("ZipCode")); // named as the form labels it
        Assert.Equal("Corner shop", page.InputValue("#Name"));
        Assert.Null(page.FieldError("Name"));
    }

    [Fact]
    public async Task On_a_store_page_an_admin_adds_a_product_and_a_manager_and_sees_the_managers_email()
    {
        var product = await Given.Product("Apple").SaveAsync();
        var store = await Given.Store("Corner shop").SaveAsync();
        using var browser = await App.BrowserFor(Admin);

        var page = await browser.GetAsync($"/stores/{store.Id}");
        page = await browser.SubmitAndFollowAsync(page.Form($"/stores/{store.Id}/products"), new() { ["productId"] = product.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        page = await browser.SubmitAndFollowAsync(page.Form($"/stores/{store.Id}/managers"), new() { ["email"] = User.Email });

        Assert.Contains("Apple", page.QuerySelector("#store-products")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(User.Email, page.QuerySelector("#store-managers")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_an_existing_manager_shows_the_domain_rule()
    {
        var store = await Given.Store().WithManager(User).SaveAsync();
        using var browser = await App.BrowserFor(Admin);
        var page = await browser.GetAsync($"/stores/{store.Id}");

        page = await browser.SubmitAndFollowAsync(page.Form($"/stores/{store.Id}/managers"), new() { ["email"] = User.Email });

        Assert.Equal("Manager exists", page.Alert());
    }

    [Fact]
    public async Task An_unknown_email_is_explained()
    {
        var store = await Given.Store().SaveAsync();
        using var browser = await App.BrowserFor(Admin);
        var page = await browser.GetAsync($"/stores/{store.Id}");

        page = await browser.SubmitAndFollowAsync(page.Form($"/stores/{store.Id}/managers"), new() { ["email"] = "nobody@example.com" });

        Assert.Equal("No user has the email nobody@example.com.", page.Alert());
    }

    [Fact]
    public async Task Deleting_asks_for_confirmation_then_deletes()
    {
        var store = await Given.Store("Corner shop").SaveAsync();
        using var browser = await App.BrowserFor(Admin);

        var confirm = await browser.GetAsync($"/stores/{store.Id}/delete");
        Assert.Equal("Delete Corner shop?", confirm.Heading());
        var page = await browser.SubmitAndFollowAsync(confirm.Form($"/stores/{store.Id}/delete"));

        Assert.Equal("Store deleted.", page.Alert());
        var (gone, _) = await browser.GetAnyAsync($"/stores/{store.Id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Users_are_not_offered_what_they_may_not_do_and_are_refused_if_they_force_it()
    {
        var store = await Given.Store("Corner shop").SaveAsync();
        using var browser = await App.BrowserFor(User);

        var list = await browser.GetAsync("/stores");
        var page = await browser.GetAsync($"/stores/{store.Id}");

        Assert.Empty(list.QuerySelectorAll("a[href='/stores/new']"));
        Assert.Empty(page.QuerySelectorAll($"a[href='/stores/{store.Id}/edit'], a[href='/stores/{store.Id}/delete'], form[action$='/managers']"));
        var (newForm, _) = await browser.GetAnyAsync("/stores/new");
        Assert.Equal(HttpStatusCode.Forbidden, newForm.StatusCode);
        var (editForm, _) = await browser.GetAnyAsync($"/stores/{store.Id}/edit");
        Assert.Equal(HttpStatusCode.Forbidden, editForm.StatusCode);
        var token = page.InputValue("input[name=__RequestVerificationToken]");
        using var forced = await browser.Http.PostAsync($"/stores/{store.Id}/delete", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Forbidden, forced.StatusCode);
        // Nor may they ask, through the manager form, whether an email has an account.
        using var probe = await browser.Http.PostAsync($"/stores/{store.Id}/managers", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("email", "nobody@example.com")]));
        Assert.Equal(HttpStatusCode.Forbidden, probe.StatusCode);
        await browser.GetAsync($"/stores/{store.Id}");
    }

    [Fact]
    public async Task A_manager_may_edit_their_store()
    {
        var store = await Given.Store("Corner shop").WithManager(User).SaveAsync();
        using var browser = await App.BrowserFor(User);
        var form = await browser.GetAsync($"/stores/{store.Id}/edit");

        var page = await browser.SubmitAndFollowAsync(form.Form($"/stores/{store.Id}/edit"), new() { ["Name"] = "Big shop" });

        Assert.Equal("Big shop", page.Heading());
    }

    [Fact]
    public async Task Store_names_are_shown_as_text_never_run_as_script()
    {
        var store = await Given.Store("<script>alert(1)</script>").SaveAsync();
        using var browser = await App.BrowserFor(User);

        var page = await browser.GetAsync($"/stores/{store.Id}");

        Assert.Equal("<script>alert(1)</script>", page.Heading());
        // Only the app's own files (Bootstrap's bundle and the site script), none inline.
        Assert.Equal(2, page.Scripts.Length);
        Assert.All(page.Scripts, script => Assert.True(!string.IsNullOrEmpty(script.Source) && string.IsNullOrWhiteSpace(script.Text), script.OuterHtml));
    }

    [Fact]
    public async Task With_more_products_than_a_page_the_picker_finds_and_adds_the_one_that_sorts_last()
    {
        var products = await Given.ProductsAsync(IPagedRequest.MaxPageSize + 50, number => $"Product {number:D4}");
        var last = products[^1];
        var store = await Given.Store("Corner shop").SaveAsync();
        using var browser = await App.BrowserFor(Admin);

        var page = await browser.GetAsync($"/stores/{store.Id}");
        Assert.Equal(Picker<ProductDto>.Size, page.QuerySelectorAll("#product-matches form").Length); // the first few, not hundreds of options
        Assert.Contains($"of {products.Count}", page.QuerySelector("#product-matches + p")!.TextContent, StringComparison.Ordinal);

        page = await browser.GetAsync($"/stores/{store.Id}?product_search={Uri.EscapeDataString(last.Name)}");
        var match = Assert.Single(page.QuerySelectorAll("#product-matches form"));
        Assert.Equal(last.Name, page.QuerySelector("#product-matches li span")!.TextContent);
        page = await browser.SubmitAndFollowAsync((IHtmlFormElement)match);

        Assert.Equal("Product added.", page.Alert());
        Assert.Contains(last.Name, page.QuerySelector("#store-products")!.TextContent, StringComparison.Ordinal);
        // Carried now, it is no longer offered.
        page = await browser.GetAsync($"/stores/{store.Id}?product_search={Uri.EscapeDataString(last.Name)}");
        Assert.Empty(page.QuerySelectorAll("#product-matches form"));
    }

    [Fact]
    public async Task The_manager_picker_finds_users_by_part_of_their_email_and_adds_one()
    {
        var wanted = await Given.User("jo.bloggs@shops.example").SaveAsync();
        await Given.User("someone.else@example.com").SaveAsync();
        var store = await Given.Store("Corner shop").WithManager(User).SaveAsync();
        using var browser = await App.BrowserFor(Admin);

        var page = await browser.GetAsync($"/stores/{store.Id}?manager_search=BLOGGS");
        var match = Assert.Single(page.QuerySelectorAll("#manager-matches form"));
        page = await browser.SubmitAndFollowAsync((IHtmlFormElement)match);

        Assert.Equal($"{wanted.Email} now manages this store.", page.Alert());
        Assert.Contains(wanted.Email, page.QuerySelector("#store-managers")!.TextContent, StringComparison.Ordinal);
        // Managers already are not offered: searching for them finds no one to add.
        page = await browser.GetAsync($"/stores/{store.Id}?manager_search={Uri.EscapeDataString(User.Email)}");
        Assert.Empty(page.QuerySelectorAll("#manager-matches form"));
    }

    [Fact]
    public async Task A_manager_sees_the_product_picker_but_not_the_user_picker()
    {
        await Given.Product("Apple").SaveAsync();
        var store = await Given.Store().WithManager(User).SaveAsync();
        using var browser = await App.BrowserFor(User);

        var page = await browser.GetAsync($"/stores/{store.Id}?manager_search=example");

        Assert.Single(page.QuerySelectorAll("#product-matches form"));
        Assert.Null(page.QuerySelector("#manager-matches"));
        Assert.Null(page.QuerySelector("#manager_search"));
    }
}

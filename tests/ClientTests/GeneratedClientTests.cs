using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Overholt.Client;
using Overholt.Client.Models;
using Overholt.Testing;

namespace Overholt.ClientTests;

/// <summary>
/// The README's "Try the API" walk-through, through a C# client Kiota generated from docs/openapi.json at build, against
/// the app on PostgreSQL: what a client author gets from the document, typed successes and typed problems alike.
/// </summary>
public sealed class GeneratedClientTests(PostgresApp postgres) : ApiTest(postgres.App)
{
    private readonly List<IDisposable> _disposables = [];

    [Fact]
    public async Task The_readme_walk_through_runs_through_the_generated_client()
    {
        var client = await SignInAsync(Admin);

        var category = (await client.Api.Categories.PostAsync(new CategoryRequest { Name = "Fruit" }))!.Data!;
        var product = (await client.Api.Products.PostAsync(new ProductRequest { Name = "Apple", Categories = [category.Id] }))!.Data!;
        var store = (await client.Api.Stores.PostAsync(new StoreRequest { Name = "Corner shop", Address = "1 Main St", City = "Portland", State = "OR", ZipCode = "97201" }))!.Data!;
        var storeId = store.Id!.Value;
        await client.Api.Stores[storeId].Products[product.Id!.Value].PutAsync();
        var managed = (await client.Api.Stores[storeId].Managers[Admin.Id].PutAsync())!.Data!;
        var page = (await client.Api.Stores.GetAsync(request =>
        {
            request.QueryParameters.Page = 1;
            request.QueryParameters.PageSize = 20;
        }))!;

        Assert.Equal(["Fruit"], product.Categories!.Select(each => each!.Name));
        Assert.Equal([Admin.Email], managed.Managers!.Select(manager => manager.Email));
        var listed = Assert.Single(page.Data!);
        Assert.Equal((storeId, "Corner shop", "1 Main St", "Portland", "OR", "97201"), (listed.Id!.Value, listed.Name, listed.Address, listed.City, listed.State, listed.ZipCode));
        Assert.Equal([(product.Id, "Apple")], listed.Products!.Select(carried => (carried.Id, carried.Name)));
        Assert.Equal([(Admin.Id, Admin.Email)], listed.Managers!.Select(manager => (manager.Id!.Value, manager.Email)));
        Assert.Equal((1, 20, 1), (page.Meta!.Page, page.Meta.PageSize, page.Meta.Total));
    }

    [Fact]
    public async Task A_field_error_is_a_typed_problem_whose_errors_name_the_field()
    {
        var client = await SignInAsync(Admin);

        var problem = await Assert.ThrowsAsync<ProblemDetails>(() =>
            client.Api.Stores.PostAsync(new StoreRequest { Name = "Corner shop", Address = "1 Main St", City = "Portland", State = "OR" }));

        Assert.Equal(400, problem.ResponseStatusCode);
        Assert.Equal(400, problem.Status);
        var messages = Assert.IsType<UntypedArray>(problem.Errors!.AdditionalData["zip_code"]).GetValue().Select(message => Assert.IsType<UntypedString>(message).GetValue());
        Assert.Equal(["'zip_code' must not be empty."], messages);
        Assert.Equal(["zip_code"], problem.Errors.AdditionalData.Keys);
        Assert.Null(problem.Error);
    }

    [Fact]
    public async Task A_broken_rule_is_a_typed_problem_with_its_error()
    {
        var store = await Given.Store().WithManager(Admin).SaveAsync();
        var client = await SignInAsync(Admin);

        var problem = await Assert.ThrowsAsync<ProblemDetails>(() => client.Api.Stores[store.Id].Managers[Admin.Id].PutAsync());

        Assert.Equal((400, "Manager exists"), (problem.ResponseStatusCode, problem.Error));
    }

    [Fact]
    public async Task A_refused_sign_in_is_a_typed_problem_whose_message_is_the_detail()
    {
        using var adapter = Adapter(new AnonymousAuthenticationProvider());

        var problem = await Assert.ThrowsAsync<ProblemDetails>(() =>
            new OverholtClient(adapter).Api.Auth.Login.PostAsync(new LoginRequest { Email = Admin.Email, Password = "wrong" }));

        Assert.Equal(401, problem.ResponseStatusCode);
        Assert.StartsWith("Wrong email or password.", problem.Message, StringComparison.Ordinal);
    }

    public override ValueTask DisposeAsync()
    {
        foreach (var disposable in _disposables)
            disposable.Dispose();
        return base.DisposeAsync();
    }

    /// <summary>Signs in through the client's own login operation and returns a client that sends the bearer token.</summary>
    private async Task<OverholtClient> SignInAsync(TestUser user)
    {
        using var anonymous = Adapter(new AnonymousAuthenticationProvider());
        var tokens = await new OverholtClient(anonymous).Api.Auth.Login.PostAsync(new LoginRequest { Email = user.Email, Password = user.Password });
        var adapter = Adapter(new BaseBearerTokenAuthenticationProvider(new BearerToken(tokens!.AccessToken!)));
        _disposables.Add(adapter);
        return new OverholtClient(adapter);
    }

    /// <summary>Kiota's adapter over an HttpClient of the test server (WebApplicationFactory), which it does not dispose.</summary>
    private HttpClientRequestAdapter Adapter(IAuthenticationProvider authentication)
    {
        var http = Anonymous;
        _disposables.Add(http);
        return new HttpClientRequestAdapter(authentication, httpClient: http) { BaseUrl = http.BaseAddress!.ToString().TrimEnd('/') };
    }

    private sealed class BearerToken(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new(["localhost"]);

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(AllowedHostsValidator.IsUrlHostValid(uri) ? token : string.Empty);
    }
}

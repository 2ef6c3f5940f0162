using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Application.Persistence;
using Overholt.Domain.Stores;
using Overholt.Domain.Users;
using Overholt.Infrastructure.Idempotency;
using Overholt.Infrastructure.Persistence;
using Overholt.Testing;
using Overholt.Testing.Http;
using Overholt.Testing.Pages;
using Overholt.Web.Idempotency;

namespace Overholt.FunctionalTests.Http;

/// <summary>
/// A retry or a double submit creates once: <c>Idempotency-Key</c> on the API's creating POSTs, and the create forms'
/// one-time ids. Run on each provider below.
/// </summary>
public abstract class IdempotencyTests(OverholtApp app) : ApiTest(app)
{
    private const string StoresPath = "/api/stores";

    private static readonly object NewStore = new { name = "Corner shop", address = "1 Main St", city = "Portland", state = "OR", zip_code = "97201" };

    [Fact]
    public async Task The_same_key_and_body_replay_the_first_answer_and_create_once()
    {
        var key = NewKey();

        using var first = await PostStoreAsync(AsAdmin, key, NewStore);
        using var second = await PostStoreAsync(AsAdmin, key, NewStore);

        var created = await first.AssertOkJson(HttpStatusCode.Created);
        await second.AssertOkJson(HttpStatusCode.Created);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.NotNull(first.Headers.ETag);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.False(first.Headers.Contains(IdempotencyKeyHeader.ReplayedHeader));
        Assert.Equal(["true"], second.Headers.GetValues(IdempotencyKeyHeader.ReplayedHeader));
        Assert.Equal([created.GetProperty("id").GetInt32()], await StoreIdsAsync());
    }

    [Fact]
    public async Task The_key_may_be_sent_as_a_structured_field_string()
    {
        var key = NewKey();

        using var bare = await PostStoreAsync(AsAdmin, key, NewStore);
        using var quoted = await PostStoreAsync(AsAdmin, $"\"{key}\"", NewStore);

        Assert.Equal(HttpStatusCode.Created, bare.StatusCode);
        Assert.True(quoted.Headers.Contains(IdempotencyKeyHeader.ReplayedHeader));
        Assert.Single(await StoreIdsAsync());
    }

    [Fact]
    public async Task The_same_key_with_another_body_or_route_is_422_and_creates_nothing()
    {
        var key = NewKey();
        await (await PostStoreAsync(AsAdmin, key, NewStore)).AssertOkJson(HttpStatusCode.Created);

        var otherBody = await (await PostStoreAsync(AsAdmin, key, new { name = "Other shop", address = "1 Main St", city = "Portland", state = "OR", zip_code = "97201" }))
            .AssertProblem(422);
        await (await SendWithKeyAsync(AsAdmin, "/api/categories", key, new { name = "Fruit" })).AssertProblem(422);

        Assert.Contains("different request", otherBody.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Single(await StoreIdsAsync());
        Assert.Equal(0, (await (await AsUser.GetAsync("/api/categories")).AssertOkList()).GetProperty("meta").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Five_requests_at_once_with_one_key_create_one_store_and_the_others_wait_or_replay()
    {
        var key = NewKey();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PostStoreAsync(AsAdmin, key, NewStore)));

        var statuses = responses.Select(response => response.StatusCode).ToList();
        Assert.All(statuses, status => Assert.True(status is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)status}"));
        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.Created && !response.Headers.Contains(IdempotencyKeyHeader.ReplayedHeader));
        foreach (var conflict in responses.Where(response => response.StatusCode == HttpStatusCode.Conflict))
        {
            await conflict.AssertProblem(409);
            Assert.NotNull(conflict.Headers.RetryAfter);
        }

        Assert.Single(await StoreIdsAsync());
        foreach (var response in responses)
            response.Dispose();
    }

    [Fact]
    public async Task A_key_still_claimed_by_a_running_request_is_409_and_runs_nothing()
    {
        var key = NewKey();
        await ClaimAsync(Admin.Id, key, StoresPath, NewStore);

        var problem = await (await PostStoreAsync(AsAdmin, key, NewStore)).AssertProblem(409);

        Assert.Contains("still being processed", problem.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(await StoreIdsAsync());
    }

    [Fact]
    public async Task A_claim_abandoned_for_longer_than_the_timeout_is_taken_over()
    {
        var key = NewKey();
        await ClaimAsync(Admin.Id, key, StoresPath, NewStore);
        var abandonedAt = DateTime.UtcNow - IdempotencyKeys.ClaimTimeout - TimeSpan.FromSeconds(10);
        await InScope(db => db.Set<IdempotencyKey>().Where(row => row.Key == key).ExecuteUpdateAsync(set => set.SetProperty(row => row.ClaimedAt, abandonedAt)));

        await (await PostStoreAsync(AsAdmin, key, NewStore)).AssertOkJson(HttpStatusCode.Created);

        Assert.True((await PostStoreAsync(AsAdmin, key, NewStore)).Headers.Contains(IdempotencyKeyHeader.ReplayedHeader));
        Assert.Single(await StoreIdsAsync());
    }

    [Fact]
    public async Task Keys_that_are_too_long_empty_repeated_or_hold_control_characters_are_400_naming_the_header()
    {
        foreach (var bad in new[] { new string('k', 10 * 1024), new string('k', IdempotencyKeys.MaxKeyLength + 1), "\"\"", " ", "key\u0007bell", "clé" })
        {
            using var response = await PostStoreAsync(AsAdmin, bad, NewStore);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"'{bad}': {(int)response.StatusCode}");
            await response.AssertProblem(400, field: IdempotencyKeyHeader.Name);
        }

        using var twice = new HttpRequestMessage(HttpMethod.Post, StoresPath) { Content = JsonBody(NewStore) };
        twice.Headers.TryAddWithoutValidation(IdempotencyKeyHeader.Name, ["one", "two"]);
        await (await AsAdmin.SendAsync(twice)).AssertProblem(400, field: IdempotencyKeyHeader.Name);

        await (await PostStoreAsync(AsAdmin, new string('k', IdempotencyKeys.MaxKeyLength), NewStore)).AssertOkJson(HttpStatusCode.Created);
        Assert.Single(await StoreIdsAsync());
    }

    [Fact]
    public async Task The_same_key_from_two_users_is_two_requests()
    {
        var otherAdmin = await Given.User("second-admin@example.com").InRole(Roles.Admin).SaveAsync();
        var other = await App.ClientForAsync(otherAdmin);
        var key = NewKey();

        await (await PostStoreAsync(AsAdmin, key, NewStore)).AssertOkJson(HttpStatusCode.Created);
        using var theirs = await PostStoreAsync(other, key, new { name = "Their shop", address = "2 Main St", city = "Salem", state = "OR", zip_code = "97301" });

        await theirs.AssertOkJson(HttpStatusCode.Created);
        Assert.False(theirs.Headers.Contains(IdempotencyKeyHeader.ReplayedHeader));
        Assert.Equal(2, (await StoreIdsAsync()).Length);
    }

    [Fact]
    public async Task A_refused_first_answer_is_replayed_as_it_was()
    {
        var key = NewKey();
        var invalid = new { name = "Corner shop" };

        using var first = await PostStoreAsync(AsAdmin, key, invalid);
        using var second = await PostStoreAsync(AsAdmin, key, invalid);

        await first.AssertProblem(400, field: "address");
        await second.AssertProblem(400, field: "address");
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.True(second.Headers.Contains(IdempotencyKeyHeader.ReplayedHeader));

        // A broken rule thrown by the command is an answer too (the second category of a name is refused).
        var category = NewKey();
        await (await AsAdmin.PostJsonAsync("/api/categories", new { name = "Fruit" })).AssertOkJson(HttpStatusCode.Created);
        await (await SendWithKeyAsync(AsAdmin, "/api/categories", category, new { name = "Fruit" })).AssertProblem(409);
        using var again = await SendWithKeyAsync(AsAdmin, "/api/categories", category, new { name = "Fruit" });
        await again.AssertProblem(409);
        Assert.True(again.Headers.Contains(IdempotencyKeyHeader.ReplayedHeader));
    }

    [Fact]
    public async Task A_server_error_is_not_kept_so_the_retry_runs()
    {
        var failures = 1;
        await using var flaky = new OverholtApp(
            App.Database,
            new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware"] = "None" },
            services =>
            {
                var repository = services.Single(service => service.ServiceType == typeof(IRepository<>)).ImplementationType!.MakeGenericType(typeof(Store));
                services.AddScoped<IRepository<Store>>(provider => Interlocked.Decrement(ref failures) >= 0
                    ? throw new InvalidOperationException("The store repository failed once")
                    : (IRepository<Store>)ActivatorUtilities.CreateInstance(provider, repository));
            });
        var client = await flaky.ClientForAsync(Admin);
        var key = NewKey();

        await (await PostStoreAsync(client, key, NewStore)).AssertProblem(500);
        using var retry = await PostStoreAsync(client, key, NewStore);

        await retry.AssertOkJson(HttpStatusCode.Created);
        Assert.False(retry.Headers.Contains(IdempotencyKeyHeader.ReplayedHeader));
        Assert.Single(await StoreIdsAsync());
    }

    [Fact]
    public async Task Without_the_header_each_post_creates_as_before()
    {
        await (await AsAdmin.PostJsonAsync(StoresPath, NewStore)).AssertOkJson(HttpStatusCode.Created);
        await (await AsAdmin.PostJsonAsync(StoresPath, NewStore)).AssertOkJson(HttpStatusCode.Created);

        Assert.Equal(2, (await StoreIdsAsync()).Length);
        Assert.Equal(0, await InScope(db => db.Set<IdempotencyKey>().CountAsync()));
    }

    [Fact]
    public async Task A_create_form_posted_twice_creates_once_and_the_second_post_leads_to_what_the_first_created()
    {
        using var browser = await App.BrowserFor(Admin);
        var form = (await browser.GetAsync("/stores/new")).Form("/stores/new");
        var values = new Dictionary<string, string> { ["Name"] = "Corner shop", ["Address"] = "1 Main St", ["City"] = "Portland", ["State"] = "OR", ["ZipCode"] = "97201" };

        using var first = await browser.SubmitAsync(form, values);
        using var second = await browser.SubmitAsync(form, values);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var page = await browser.GetAsync(second.Headers.Location!.OriginalString);
        Assert.Equal("Corner shop", page.Heading());
        Assert.Equal(OneTimeFormAttribute.AlreadySaved, page.Alert());
        Assert.Single(await StoreIdsAsync());

        // A new visit to the form is a new form.
        var again = (await browser.GetAsync("/stores/new")).Form("/stores/new");
        Assert.NotEqual(form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Single(input => input.Name == OneTimeFormAttribute.FieldName).Value,
            again.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Single(input => input.Name == OneTimeFormAttribute.FieldName).Value);
        await browser.SubmitAndFollowAsync(again, values);
        Assert.Equal(2, (await StoreIdsAsync()).Length);
    }

    [Fact]
    public async Task A_create_form_refused_for_its_errors_can_be_corrected_and_sent_again()
    {
        using var browser = await App.BrowserFor(Admin);
        var form = (await browser.GetAsync("/categories/new")).Form("/categories/new");

        var refused = await browser.SubmitAndFollowAsync(form, new() { ["Name"] = string.Empty });
        var page = await browser.SubmitAndFollowAsync(refused.Form("/categories/new"), new() { ["Name"] = "Fruit" });

        Assert.Equal("Fruit", page.Heading());
        Assert.Equal("Category Fruit created.", page.Alert());
        Assert.Equal(1, (await (await AsUser.GetAsync("/api/categories")).AssertOkList()).GetProperty("meta").GetProperty("total").GetInt32());
    }

    private static string NewKey() => Guid.NewGuid().ToString();

    private static StringContent JsonBody(object body) =>
        new(JsonSerializer.Serialize(body, HttpAssertions.Json), Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> PostStoreAsync(HttpClient client, string key, object body) =>
        SendWithKeyAsync(client, StoresPath, key, body);

    private static Task<HttpResponseMessage> SendWithKeyAsync(HttpClient client, string path, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonBody(body) };
        request.Headers.TryAddWithoutValidation(IdempotencyKeyHeader.Name, key);
        return client.SendAsync(request);
    }

    /// <summary>Claims a key as a request that is still running would have.</summary>
    private Task ClaimAsync(int userId, string key, string path, object body) =>
        InScope(async db =>
        {
            var keys = new IdempotencyKeys(db, TimeProvider.System);
            var fingerprint = RequestFingerprint.Of("POST", path, default, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body, HttpAssertions.Json)));
            Assert.Equal(IdempotencyOutcome.Claimed, (await keys.ClaimAsync(userId, key, fingerprint)).Outcome);
            return 0;
        });

    private async Task<int[]> StoreIdsAsync() =>
        (await (await AsUser.GetAsync("/api/stores")).AssertOkList()).GetProperty("data").Ids();

    private async Task<T> InScope<T>(Func<OverholtDbContext, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<OverholtDbContext>());
    }
}

public sealed class PostgresIdempotencyTests(PostgresApp postgres) : IdempotencyTests(postgres.App);

public sealed class SqliteIdempotencyTests(SqliteApp sqlite) : IdempotencyTests(sqlite.App), IClassFixture<SqliteApp>;

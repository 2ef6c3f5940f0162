using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Overholt.Infrastructure.Persistence;
using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Operations;

/// <summary>Every node reads the key ring from the database: what one node issued, another accepts.</summary>
public sealed class SharedKeyRingTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    private readonly Dictionary<string, string> _cookies = [];

    [Fact]
    public async Task The_key_ring_lives_in_the_database()
    {
        await Authentication.LoginAsync(Anonymous, User.Email, User.Password); // a token needs a key

        var repository = App.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository;
        Assert.IsType<EntityFrameworkCoreXmlRepository<OverholtDbContext>>(repository);
        await using var scope = App.Services.CreateAsyncScope();
        Assert.NotEqual(0, await scope.ServiceProvider.GetRequiredService<OverholtDbContext>().DataProtectionKeys.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_bearer_token_a_page_session_and_a_form_token_from_one_node_work_on_another()
    {
        var token = await Authentication.LoginAsync(Anonymous, Admin.Email, Admin.Password);
        using var onThisNode = App.Server.CreateClient();
        var login = await FormTokenAsync(onThisNode, "/login");
        await SendAsync(onThisNode, HttpMethod.Post, "/login", [new("__RequestVerificationToken", login), new("Email", Admin.Email), new("Password", Admin.Password)]);
        var formToken = await FormTokenAsync(onThisNode, "/categories/new");
        await using var otherNode = new OverholtApp(App.Database);
        using var onOtherNode = otherNode.Server.CreateClient();

        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/stores");
        api.Headers.Authorization = new("Bearer", token);
        await (await onOtherNode.SendAsync(api)).AssertOkList();
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(onOtherNode, HttpMethod.Get, "/")).StatusCode);
        var created = await SendAsync(onOtherNode, HttpMethod.Post, "/categories/new", [new("__RequestVerificationToken", formToken), new("Name", "Made on the other node")]);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(1, (await (await AsUser.GetAsync("/api/categories")).AssertOkList()).GetProperty("meta").GetProperty("total").GetInt32());
    }

    private async Task<string> FormTokenAsync(HttpClient client, string url)
    {
        var response = await SendAsync(client, HttpMethod.Get, url);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return page.QuerySelectorAll("input[name=__RequestVerificationToken]").OfType<IHtmlInputElement>().First().Value;
    }

    /// <summary>A request with the cookies collected so far, collecting the ones it sets (the clients keep none themselves).</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, IEnumerable<KeyValuePair<string, string>>? form = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = form is null ? null : new FormUrlEncodedContent(form) };
        if (_cookies.Count > 0)
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(cookie => $"{cookie.Key}={cookie.Value}")));
        var response = await client.SendAsync(request);
        foreach (var setCookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = setCookie.Split(';')[0].Split('=', 2);
            _cookies[pair[0]] = pair[1];
        }

        return response;
    }
}

using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Overholt.Testing.Pages;

/// <summary>
/// A browser-like client for the admin pages: keeps cookies, follows no redirects by itself (tests see them), parses
/// HTML with AngleSharp, and submits forms with their hidden fields (the antiforgery token among them).
/// </summary>
public sealed class PageClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    /// <summary>Signs in through the login page, as a person would.</summary>
    public async Task SignInAsync(TestUser user)
    {
        var login = await GetAsync("/login");
        var response = await SubmitAsync(login.Forms[0], new() { ["Email"] = user.Email, ["Password"] = user.Password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in as {user.Email} failed: {(int)response.StatusCode}");
    }

    /// <summary>GETs a page, asserting 200 and HTML.</summary>
    public async Task<IHtmlDocument> GetAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: expected 200, got {(int)response.StatusCode}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await Parser.ParseDocumentAsync(html);
    }

    /// <summary>GETs a page whatever its status, for error pages and redirects.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetAnyAsync(string url)
    {
        var response = await Http.GetAsync(url);
        return (response, await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Posts a form: its own fields (hidden ones included) overridden by <paramref name="values"/>.</summary>
    public Task<HttpResponseMessage> SubmitAsync(IHtmlFormElement form, Dictionary<string, string>? values = null, IReadOnlyList<(string Name, string Value)>? extra = null)
    {
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(input => !string.IsNullOrEmpty(input.Name) && (input.Type is not ("checkbox" or "radio") || input.IsChecked))
            .Select(input => (Name: input.Name!, Value: input.Value))
            .Concat(form.Elements.OfType<IHtmlSelectElement>().Where(select => !string.IsNullOrEmpty(select.Name)).Select(select => (Name: select.Name!, Value: select.Value ?? string.Empty)))
            .Where(field => values is null || !values.ContainsKey(field.Name))
            .Concat(values?.Select(pair => (Name: pair.Key, Value: pair.Value)) ?? [])
            .Concat(extra ?? [])
            .Select(field => new KeyValuePair<string, string>(field.Name, field.Value))
            .ToList();
        var action = form.GetAttribute("action") is { Length: > 0 } target
            ? target
            : throw new InvalidOperationException("The form has no action attribute");
        return Http.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts a form and follows its redirect to the page that results (post/redirect/get).</summary>
    public async Task<IHtmlDocument> SubmitAndFollowAsync(IHtmlFormElement form, Dictionary<string, string>? values = null, IReadOnlyList<(string Name, string Value)>? extra = null)
    {
        using var response = await SubmitAsync(form, values, extra);
        if (response.StatusCode == HttpStatusCode.Redirect)
            return await GetAsync(response.Headers.Location!.OriginalString);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Form post: expected a redirect or 200, got {(int)response.StatusCode}");
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => Http.Dispose();
}

public static class PageDocuments
{
    /// <summary>The form whose action ends with <paramref name="actionSuffix"/>.</summary>
    public static IHtmlFormElement Form(this IHtmlDocument document, string actionSuffix) =>
        document.Forms.FirstOrDefault(form => (form.GetAttribute("action") ?? string.Empty).EndsWith(actionSuffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No form posting to *{actionSuffix} on {document.Title}");

    public static string Heading(this IHtmlDocument document) => document.QuerySelector("h1")?.TextContent.Trim() ?? string.Empty;

    public static string? Alert(this IHtmlDocument document) => document.QuerySelector(".alert")?.TextContent.Trim();

    /// <summary>The value of the input the selector finds.</summary>
    public static string InputValue(this IHtmlDocument document, string selector) =>
        (document.QuerySelector(selector) as IHtmlInputElement)?.Value ?? throw new InvalidOperationException($"No input {selector} on {document.Title}");

    /// <summary>The validation message shown beside a field.</summary>
    public static string? FieldError(this IHtmlDocument document, string field) => document.QuerySelector($"#{field}-error")?.TextContent.Trim();
}

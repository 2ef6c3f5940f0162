using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Overholt.Testing.Http;

/// <summary>Request and assertion helpers that read like the original's tests: <c>(await client.GetAsync(url)).AssertOkJson()</c>.</summary>
public static class HttpAssertions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Json);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, Json);

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, string url) =>
        client.PutAsync(url, content: null);

    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient client, HttpMethod method, string url, string body, string contentType = "application/json") =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(body, System.Text.Encoding.UTF8, contentType) });

    /// <summary>Asserts a JSON success response and returns its <c>data</c> member.</summary>
    public static async Task<JsonElement> AssertOkJson(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        Assert.True(document.RootElement.TryGetProperty("data", out var data), $"No 'data' envelope in {text}");
        return data.Clone();
    }

    /// <summary>Asserts a JSON list response and returns the whole body (<c>data</c> and <c>meta</c>).</summary>
    public static async Task<JsonElement> AssertOkList(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        Assert.Equal(JsonValueKind.Array, document.RootElement.GetProperty("data").ValueKind);
        Assert.Equal(JsonValueKind.Object, document.RootElement.GetProperty("meta").ValueKind);
        return document.RootElement.Clone();
    }

    public static void AssertNoContent(this HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"Expected 204, got {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");

    /// <summary>
    /// Asserts a problem+json response with the status; with <paramref name="field"/>, that <c>errors</c> names it;
    /// with <paramref name="error"/>, that <c>error</c> is exactly that message. Returns the problem.
    /// </summary>
    public static async Task<JsonElement> AssertProblem(this HttpResponseMessage response, int status, string? field = null, string? error = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        var problem = document.RootElement.Clone();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(text.Contains("   at ", StringComparison.Ordinal), $"A stack trace leaked: {text}");
        if (field is not null)
        {
            Assert.True(problem.TryGetProperty("errors", out var errors), $"No 'errors' in {text}");
            Assert.True(errors.TryGetProperty(field, out var messages) && messages.GetArrayLength() > 0, $"No error for '{field}' in {text}");
        }

        if (error is not null)
            Assert.Equal(error, problem.GetProperty("error").GetString());
        return problem;
    }

    public static int[] Ids(this JsonElement array) => array.EnumerateArray().Select(item => item.GetProperty("id").GetInt32()).ToArray();
}

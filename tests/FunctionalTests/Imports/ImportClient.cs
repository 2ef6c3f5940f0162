using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Imports;

/// <summary>Uploads import files through the API and waits for them to finish.</summary>
public static class ImportClient
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3); // a vanished worker's import: the minute sweep, then the outbox

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, string kind, string csv, string? unknownCategories = null, string? mode = null, string fileName = "import.csv") =>
        client.UploadAsync(kind, Encoding.UTF8.GetBytes(csv), unknownCategories, mode, fileName);

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string kind, byte[] file, string? unknownCategories = null, string? mode = null, string fileName = "import.csv")
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(kind), "kind" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", fileName);
        if (unknownCategories is not null)
            form.Add(new StringContent(unknownCategories), "unknown_categories");
        if (mode is not null)
            form.Add(new StringContent(mode), "mode");
        return await client.PostAsync("/api/imports", form);
    }

    /// <summary>Uploads, checks the 202 and its Location, and waits for the import to finish; returns its status.</summary>
    public static async Task<JsonElement> ImportAsync(this HttpClient client, string kind, string csv, string? unknownCategories = null, string? mode = null) =>
        await client.FinishedAsync(await client.UploadAsync(kind, csv, unknownCategories, mode));

    public static Task<JsonElement> ImportAsync(this HttpClient client, string kind, byte[] file) =>
        client.UploadAsync(kind, file).ContinueWith(upload => client.FinishedAsync(upload.Result)).Unwrap();

    public static async Task<JsonElement> FinishedAsync(this HttpClient client, HttpResponseMessage upload)
    {
        var accepted = await upload.AssertOkJson(HttpStatusCode.Accepted);
        var id = accepted.GetProperty("id").GetString()!;
        Assert.Equal($"/api/imports/{id}", upload.Headers.Location?.AbsolutePath);
        return await client.WaitAsync(id);
    }

    public static async Task<JsonElement> WaitAsync(this HttpClient client, string id)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var status = await (await client.GetAsync($"/api/imports/{id}")).AssertOkJson();
            if (status.GetProperty("is_finished").GetBoolean())
                return status;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Import {id} has not finished: {status}");
            await Task.Delay(100);
        }
    }

    public static IReadOnlyList<(int Line, string Field, string Message)> RefusedRows(this JsonElement status) =>
        [.. status.GetProperty("refused_rows").EnumerateArray().Select(row => (row.GetProperty("line").GetInt32(), row.GetProperty("field").GetString()!, row.GetProperty("message").GetString()!))];
}

using System.Net;
using System.Text;
using Overholt.FunctionalTests.Imports;
using Overholt.Testing;
using Overholt.Testing.Databases;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Http;

/// <summary>The body-size limit is Kestrel's, which the in-memory test server does not enforce: these run the app on real Kestrel.</summary>
public sealed class RequestLimitTests : IAsyncLifetime
{
    private readonly OverholtApp _app = new(TestDatabase.CreateSqlite());

    public async ValueTask InitializeAsync()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        await _app.ResetAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _app.Database.DisposeAsync();
    }

    [Fact]
    public async Task An_oversized_body_is_a_413_problem_and_creates_nothing()
    {
        var huge = new string('x', 300 * 1024);

        await (await _app.AsAdmin.PostJsonAsync("/api/stores", new { name = huge, address = "a", city = "c", state = "s", zip_code = "z" })).AssertProblem(413);

        var body = await (await _app.AsUser.GetAsync("/api/stores")).AssertOkList();
        Assert.Equal(0, body.GetProperty("meta").GetProperty("total").GetInt32());
    }

    /// <summary>The import's larger limit: a file of a few megabytes passes where every other route stops at 256 KB.</summary>
    [Fact]
    public async Task A_file_of_megabytes_is_taken_and_one_over_50_MB_is_a_413_problem()
    {
        var rows = new StringBuilder("name,categories\n");
        while (rows.Length < 3 * 1024 * 1024)
            rows.Append("A product with a long enough name,Fruit\n");

        var accepted = await _app.AsAdmin.UploadAsync("products", rows.ToString());
        await accepted.AssertOkJson(HttpStatusCode.Accepted);

        var huge = new byte[60 * 1024 * 1024];
        Array.Fill(huge, (byte)'a');
        // Refused on its declared length before the body is read: the client waits (Expect: 100-continue) and sends none of it.
        using var form = new MultipartFormDataContent { { new StringContent("products"), "kind" }, { new ByteArrayContent(huge), "file", "huge.csv" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = form };
        request.Headers.ExpectContinue = true;
        var declared = await (await _app.AsAdmin.SendAsync(request)).AssertProblem(413);
        Assert.Contains("larger than 50 MB", declared.GetProperty("error").GetString(), StringComparison.Ordinal);
        await (await _app.AsAdmin.PostJsonAsync("/api/categories", new { name = new string('x', 300 * 1024) })).AssertProblem(413); // other routes keep their limit
    }
}

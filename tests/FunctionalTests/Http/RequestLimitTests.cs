using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
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

    /// <summary>
    /// A body sent in chunks declares no length: Kestrel counts it as it arrives and stops it past the limit. HttpClient
    /// abandons its own send when the server stops reading, and never reads the answer; this client writes the request
    /// on a socket, stops when the server has answered or closed its side, then reads the answer.
    /// </summary>
    [Fact]
    public async Task A_file_sent_in_chunks_past_50_MB_is_a_413_problem_and_imports_nothing()
    {
        var client = _app.CreateClient();
        var token = await Authentication.LoginAsync(client, _app.Admin.Email, _app.Admin.Password);
        var server = client.BaseAddress!;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        const string Boundary = "chunked-import";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /api/imports HTTP/1.1\r\nHost: {server.Authority}\r\nAuthorization: Bearer {token}\r\n" +
            $"Content-Type: multipart/form-data; boundary={Boundary}\r\nTransfer-Encoding: chunked\r\n\r\n"));
        await WriteChunkAsync(stream, Encoding.ASCII.GetBytes(
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nproducts\r\n" +
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.csv\"\r\nContent-Type: text/csv\r\n\r\nname,categories\r\n"));
        var megabyte = new byte[1024 * 1024];
        Array.Fill(megabyte, (byte)'a');

        var sent = 0;
        try
        {
            for (; sent < 60 && tcp.Client.Available == 0; sent++)
                await WriteChunkAsync(stream, megabyte).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (IOException)
        {
            // The server answered and closed its side while this was still sending.
        }

        var answer = await ReadToEndAsync(stream);
        Assert.True(sent < 60, "The whole 60 MB went in: nothing stopped the body at the limit");
        Assert.StartsWith("HTTP/1.1 413 ", answer, StringComparison.Ordinal);
        // The problem document, in the one chunk Kestrel sends it as.
        var problem = JsonDocument.Parse(answer[answer.IndexOf('{', StringComparison.Ordinal)..(answer.LastIndexOf('}') + 1)]).RootElement;
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Contains("larger than 50 MB", problem.GetProperty("error").GetString(), StringComparison.Ordinal);
        await using var database = new SqliteConnection(_app.Database.ConnectionString);
        await database.OpenAsync();
        await using var count = database.CreateCommand();
        count.CommandText = "SELECT count(*) FROM imports";
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    private static async Task WriteChunkAsync(NetworkStream stream, byte[] data)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{data.Length:x}\r\n"));
        await stream.WriteAsync(data);
        await stream.WriteAsync("\r\n"u8.ToArray());
    }

    /// <summary>What the server sent until it closed the connection (it closes after refusing a body).</summary>
    private static async Task<string> ReadToEndAsync(NetworkStream stream)
    {
        using var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, patience.Token)) > 0)
                received.Write(buffer, 0, read);
        }
        catch (IOException)
        {
            // A reset after the answer: what arrived before it is kept.
        }

        return Encoding.UTF8.GetString(received.ToArray());
    }
}

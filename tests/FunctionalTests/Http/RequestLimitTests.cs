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
}

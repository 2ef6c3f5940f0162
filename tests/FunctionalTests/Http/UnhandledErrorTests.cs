using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Application.Persistence;
using Overholt.Domain.Stores;
using Overholt.Testing;
using Overholt.Testing.Pages;

namespace Overholt.FunctionalTests.Http;

/// <summary>
/// A fault nothing expected is a 500 that reveals nothing internal: problem+json on the API, the friendly error page on
/// the pages. The fault is real: a second app on the same database, whose store repository cannot be built.
/// </summary>
public sealed class UnhandledErrorTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    private const string FaultMessage = "Connection to stores-db-7 refused";

    [Fact]
    public async Task The_api_answers_a_500_problem_that_reveals_nothing_internal()
    {
        await using var failing = FailingApp();
        var client = await failing.ClientForAsync(User);

        using var response = await client.GetAsync("/api/stores");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(500, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("An unexpected error occurred", problem.RootElement.GetProperty("title").GetString());
        AssertRevealsNothingInternal(body);
    }

    [Fact]
    public async Task The_pages_show_the_friendly_error_page_that_reveals_nothing_internal()
    {
        await using var failing = FailingApp();
        using var browser = await failing.BrowserFor(User);

        var (response, page) = await browser.GetAnyAsync("/stores");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Something went wrong", page.Heading());
        AssertRevealsNothingInternal(page.DocumentElement.OuterHtml);
    }

    private OverholtApp FailingApp() => new(
        App.Database,
        // The error is the point here: keep its log line (and stack) out of the test output.
        new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware"] = "None" },
        services => services.AddScoped<IReadRepository<Store>>(_ => throw new InvalidOperationException(FaultMessage)));

    private static void AssertRevealsNothingInternal(string body)
    {
        Assert.DoesNotContain(FaultMessage, body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("at Overholt", body, StringComparison.Ordinal);
    }
}

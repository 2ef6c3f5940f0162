using Overholt.Testing;
using Overholt.Testing.Databases;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Performance;

/// <summary>
/// A search term is a parameter of the statement, never part of its text: every search of a list is the same SQL, so EF
/// compiles it once and PostgreSQL prepares it once, whatever the term.
/// </summary>
public sealed class SearchStatementTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    public static TheoryData<string> Lists => new() { "/api/products", "/api/categories", "/api/stores" };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Searches_for_different_terms_send_the_same_sql_with_the_term_as_a_parameter(string list)
    {
        await (await AsAdmin.GetAsync($"{list}?search=warm")).AssertOkList(); // sign-in and the account's state, once

        var alpha = await SearchStatementsAsync(list, "alpha");
        var other = await SearchStatementsAsync(list, "50%_off");

        AssertSameSqlWithTheTermAsParameter(alpha, other);
    }

    [Fact]
    public async Task User_searches_on_the_users_page_send_the_same_sql_too()
    {
        using var browser = await App.BrowserFor(Admin);
        await browser.GetAsync("/users?search=warm");

        App.Statements.Reset();
        await browser.GetAsync("/users?search=alpha");
        var alpha = LikeStatements();
        App.Statements.Reset();
        await browser.GetAsync($"/users?search={Uri.EscapeDataString("50%_off")}");
        var other = LikeStatements();

        AssertSameSqlWithTheTermAsParameter(alpha, other);
    }

    [Theory]
    [InlineData("100%", "100% Juice")]
    [InlineData("a_b", "a_b Jam")]
    [InlineData("\\", "Back\\slash")]
    [InlineData("JUICE", "100% Juice", "1000 Juice")]
    public async Task Product_search_matches_its_term_literally_ignoring_case(string search, params string[] expected)
    {
        foreach (var name in new[] { "100% Juice", "1000 Juice", "a_b Jam", "axb Jam", "Back\\slash" })
            await Given.Product(name).SaveAsync();

        var found = await (await AsUser.GetAsync($"/api/products?search={Uri.EscapeDataString(search)}")).AssertOkList();

        Assert.Equal(expected, found.GetProperty("data").EnumerateArray().Select(product => product.GetProperty("name").GetString()));
    }

    private static void AssertSameSqlWithTheTermAsParameter(IReadOnlyList<SentStatement> alpha, IReadOnlyList<SentStatement> other)
    {
        Assert.NotEmpty(alpha);
        Assert.Equal(alpha.Select(statement => statement.Sql), other.Select(statement => statement.Sql));
        Assert.All(alpha, statement => Assert.DoesNotContain("alpha", statement.Sql, StringComparison.OrdinalIgnoreCase));
        Assert.All(alpha, statement => Assert.Contains(statement.Parameters, parameter => HasPattern(parameter.Value, "%alpha%")));
        Assert.All(other, statement => Assert.Contains(statement.Parameters, parameter => HasPattern(parameter.Value, "%50\\%\\_off%")));
    }

    /// <summary>The LIKE pattern, escaped as today; users are matched on their normalized (upper-case) email.</summary>
    private static bool HasPattern(object? value, string pattern) => value is string text && string.Equals(text, pattern, StringComparison.OrdinalIgnoreCase);

    /// <summary>The statements of one search that filter by it (the count and the page).</summary>
    private async Task<IReadOnlyList<SentStatement>> SearchStatementsAsync(string list, string term)
    {
        App.Statements.Reset();
        await (await AsAdmin.GetAsync($"{list}?search={Uri.EscapeDataString(term)}")).AssertOkList();
        return LikeStatements();
    }

    private IReadOnlyList<SentStatement> LikeStatements() =>
        [.. App.Statements.Sent.Where(statement => statement.Sql.Contains("LIKE", StringComparison.OrdinalIgnoreCase))];
}

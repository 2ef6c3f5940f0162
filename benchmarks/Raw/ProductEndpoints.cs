using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Overholt.Benchmarks.Raw;

internal static class ProductEndpoints
{
    // One statement: a product without categories still comes back, as one row with NULL category columns.
    private const string ProductWithCategories = """
        SELECT p.name, p.version, c.id, c.name, c.description
        FROM products p
        LEFT JOIN products_categories pc ON pc.product_id = p.id
        LEFT JOIN categories c ON c.id = pc.category_id
        WHERE p.id = $1
        ORDER BY c.name
        """;

    private const string EscapeCharacter = "\\";

    // The app's search (LikeSearchEvaluator): both sides lower-cased, the pattern a parameter, '\' its escape character.
    private static readonly ListStatements Searched = new("WHERE lower(name) LIKE $1 ESCAPE '\\'", "LIMIT $2 OFFSET $3");
    private static readonly ListStatements Unsearched = new(string.Empty, "LIMIT $1 OFFSET $2");

    /// <summary><c>{"data":{"id","name","categories":[{"id","name","description"}]}}</c> with the version as ETag, as the app answers.</summary>
    public static async Task GetAsync(int id, NpgsqlDataSource database, HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        await using var command = database.CreateCommand(ProductWithCategories);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            await Problems.WriteAsync(http, StatusCodes.Status404NotFound, "Not found", $"Product {id} was not found", error: "Not found");
            return;
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.ETag = $"\"{reader.GetInt32(1)}\"";
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter, Json.WriterOptions);
        json.WriteStartObject();
        json.WriteStartObject("data");
        json.WriteNumber("id", id);
        json.WriteString("name", reader.GetString(0));
        json.WriteStartArray("categories");
        if (!reader.IsDBNull(2))
        {
            do
            {
                json.WriteStartObject();
                json.WriteNumber("id", reader.GetInt32(2));
                json.WriteString("name", reader.GetString(3));
                if (reader.IsDBNull(4))
                    json.WriteNull("description");
                else
                    json.WriteString("description", reader.GetString(4));
                json.WriteEndObject();
            }
            while (await reader.ReadAsync(cancellationToken));
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// A page of products whose name contains <c>search</c> (all of them when it is blank), by name then id, each with its
    /// categories by name, in the app's list envelope: the count, the page and the page's categories in one round trip.
    /// </summary>
    public static async Task ListAsync(
        NpgsqlDataSource database, HttpContext http, string? search = null, int page = 1, [FromQuery(Name = "page_size")] int pageSize = 50)
    {
        if (!await Paging.CheckAsync(http, page, pageSize))
            return;
        if (search is not null && search.Any(char.IsControl))
        {
            await Problems.WriteAsync(http, StatusCodes.Status400BadRequest, "One or more fields are invalid", "One or more fields are invalid",
                errors: new Dictionary<string, string> { ["search"] = "'search' must not contain control characters." });
            return;
        }

        var cancellationToken = http.RequestAborted;
        var offset = (page - 1) * pageSize;
        var pattern = string.IsNullOrWhiteSpace(search) ? null : Containing(search).ToLowerInvariant();
        var statements = pattern is null ? Unsearched : Searched;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Statement(statements.Count, pattern),
                Statement(statements.Page, pattern, pageSize, offset),
                Statement(statements.CategoriesOfPage, pattern, pageSize, offset),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);

        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);

        await reader.NextResultAsync(cancellationToken);
        var products = new List<ProductRow>(pageSize);
        var positions = new Dictionary<int, int>(pageSize);
        while (await reader.ReadAsync(cancellationToken))
        {
            positions[reader.GetInt32(0)] = products.Count;
            products.Add(new ProductRow(reader.GetInt32(0), reader.GetString(1)));
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            products[positions[reader.GetInt32(0)]].Categories.Add((reader.GetInt32(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));

        http.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter, Json.WriterOptions);
        json.WriteStartObject();
        json.WriteStartArray("data");
        foreach (var product in products)
        {
            json.WriteStartObject();
            json.WriteNumber("id", product.Id);
            json.WriteString("name", product.Name);
            json.WriteStartArray("categories");
            foreach (var (id, name, description) in product.Categories)
            {
                json.WriteStartObject();
                json.WriteNumber("id", id);
                json.WriteString("name", name);
                if (description is null)
                    json.WriteNull("description");
                else
                    json.WriteString("description", description);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        Paging.WriteMeta(json, page, pageSize, total);
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    /// <summary>The app's SearchPattern.Containing: the trimmed text matched literally, its wildcards and escape character escaped.</summary>
    private static string Containing(string search) =>
        "%" + search.Trim()
            .Replace(EscapeCharacter, EscapeCharacter + EscapeCharacter, StringComparison.Ordinal)
            .Replace("%", EscapeCharacter + "%", StringComparison.Ordinal)
            .Replace("_", EscapeCharacter + "_", StringComparison.Ordinal) + "%";

    /// <summary>A statement of the list batch: the pattern first when there is one, then the page's limit and offset if it takes them.</summary>
    private static NpgsqlBatchCommand Statement(string sql, string? pattern, int? limit = null, int? offset = null)
    {
        var command = new NpgsqlBatchCommand(sql);
        if (pattern is not null)
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = pattern });
        if (limit is { } rows && offset is { } skipped)
        {
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = rows });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = skipped });
        }

        return command;
    }

    /// <summary>The three statements of a list page, narrowed by <c>filter</c> (a WHERE clause, or nothing) and sliced by <c>slice</c>.</summary>
    private sealed class ListStatements(string filter, string slice)
    {
        public string Count { get; } = $"SELECT count(*) FROM products {filter}";

        public string Page { get; } = $"SELECT id, name FROM products {filter} ORDER BY name, id {slice}";

        public string CategoriesOfPage { get; } = $"""
            SELECT pc.product_id, c.id, c.name, c.description
            FROM products_categories pc JOIN categories c ON c.id = pc.category_id
            WHERE pc.product_id IN (SELECT id FROM products {filter} ORDER BY name, id {slice})
            ORDER BY pc.product_id, c.name, c.id
            """;
    }

    private sealed record ProductRow(int Id, string Name)
    {
        public List<(int Id, string Name, string? Description)> Categories { get; } = [];
    }
}

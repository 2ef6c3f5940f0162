using System.Text.Json;
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
}

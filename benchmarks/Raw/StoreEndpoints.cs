using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Overholt.Benchmarks.Raw;

internal static class StoreEndpoints
{
    private const int FieldMaxLength = 255;

    private const string PageOfStores = "SELECT id, name, address, city, state, zip_code FROM stores ORDER BY name, id LIMIT $1 OFFSET $2";
    private const string PageIds = "SELECT id FROM stores ORDER BY name, id LIMIT $1 OFFSET $2";

    private const string ProductsOfPage = $"""
        SELECT sp.store_id, p.id, p.name
        FROM stores_products sp JOIN products p ON p.id = sp.product_id
        WHERE sp.store_id IN ({PageIds})
        ORDER BY sp.store_id, p.id
        """;

    private const string ManagersOfPage = $"""
        SELECT sm.store_id, u.id, u.email
        FROM stores_managers sm JOIN users u ON u.id = sm.user_id
        WHERE sm.store_id IN ({PageIds})
        ORDER BY sm.store_id, u.id
        """;

    private const string InsertStore = """
        INSERT INTO stores (name, address, city, state, zip_code, version) VALUES ($1, $2, $3, $4, $5, 0) RETURNING id
        """;

    /// <summary>A page of stores with their products and managers, in one round trip of four statements.</summary>
    public static async Task ListAsync(
        NpgsqlDataSource database, HttpContext http, int page = 1, [FromQuery(Name = "page_size")] int pageSize = 50)
    {
        if (!await Paging.CheckAsync(http, page, pageSize))
            return;

        var cancellationToken = http.RequestAborted;
        var offset = (page - 1) * pageSize;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT count(*) FROM stores"),
                Paged(PageOfStores, pageSize, offset),
                Paged(ProductsOfPage, pageSize, offset),
                Paged(ManagersOfPage, pageSize, offset),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);

        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);

        await reader.NextResultAsync(cancellationToken);
        var stores = new List<StoreRow>(pageSize);
        var positions = new Dictionary<int, int>(pageSize);
        while (await reader.ReadAsync(cancellationToken))
        {
            positions[reader.GetInt32(0)] = stores.Count;
            stores.Add(new StoreRow(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            stores[positions[reader.GetInt32(0)]].Products.Add((reader.GetInt32(1), reader.GetString(2)));

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            stores[positions[reader.GetInt32(0)]].Managers.Add((reader.GetInt32(1), reader.IsDBNull(2) ? string.Empty : reader.GetString(2)));

        http.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter, Json.WriterOptions);
        json.WriteStartObject();
        json.WriteStartArray("data");
        foreach (var store in stores)
            WriteStore(json, store);
        json.WriteEndArray();
        Paging.WriteMeta(json, page, pageSize, total);
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    /// <summary>Opens a store: 415 unless JSON, 400 with <c>errors</c> by field, else 201 with its address and the store.</summary>
    public static async Task CreateAsync(NpgsqlDataSource database, HttpContext http)
    {
        if (!http.Request.HasJsonContentType())
        {
            await Problems.WriteAsync(http, StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type",
                "Send the request body as JSON with 'Content-Type: application/json'.", error: "Send the request body as JSON with 'Content-Type: application/json'.");
            return;
        }

        var cancellationToken = http.RequestAborted;
        StoreInput? input;
        try
        {
            input = await http.Request.ReadFromJsonAsync(RawJsonContext.Default.StoreInput, cancellationToken);
        }
        catch (JsonException)
        {
            input = null;
        }

        if (input is null)
        {
            await Problems.WriteAsync(http, StatusCodes.Status400BadRequest, "One or more fields are invalid", "One or more fields are invalid",
                errors: new Dictionary<string, string> { ["body"] = "The request body is not a valid JSON object." });
            return;
        }

        var errors = new Dictionary<string, string>();
        Check(errors, "name", input.Name);
        Check(errors, "address", input.Address);
        Check(errors, "city", input.City);
        Check(errors, "state", input.State);
        Check(errors, "zip_code", input.ZipCode);
        if (errors.Count > 0)
        {
            await Problems.WriteAsync(http, StatusCodes.Status400BadRequest, "One or more fields are invalid", "One or more fields are invalid", errors: errors);
            return;
        }

        await using var command = database.CreateCommand(InsertStore);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = input.Name });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = input.Address });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = input.City });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = input.State });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = input.ZipCode });
        var id = (int)(await command.ExecuteScalarAsync(cancellationToken))!;

        http.Response.StatusCode = StatusCodes.Status201Created;
        http.Response.Headers.Location = $"/api/stores/{id}";
        http.Response.Headers.ETag = "\"0\"";
        http.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter, Json.WriterOptions);
        json.WriteStartObject();
        json.WritePropertyName("data");
        WriteStore(json, new StoreRow(id, input.Name!, input.Address!, input.City!, input.State!, input.ZipCode!));
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Paged(string sql, int limit, int offset) => new(sql)
    {
        Parameters = { new NpgsqlParameter<int> { TypedValue = limit }, new NpgsqlParameter<int> { TypedValue = offset } },
    };

    private static void WriteStore(Utf8JsonWriter json, StoreRow store)
    {
        json.WriteStartObject();
        json.WriteNumber("id", store.Id);
        json.WriteString("name", store.Name);
        json.WriteString("address", store.Address);
        json.WriteString("city", store.City);
        json.WriteString("state", store.State);
        json.WriteString("zip_code", store.ZipCode);
        json.WriteStartArray("products");
        foreach (var (id, name) in store.Products)
        {
            json.WriteStartObject();
            json.WriteNumber("id", id);
            json.WriteString("name", name);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("managers");
        foreach (var (id, email) in store.Managers)
        {
            json.WriteStartObject();
            json.WriteNumber("id", id);
            json.WriteString("email", email);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The app's rules for each store field: present, not blank, at most 255 characters, no control characters.</summary>
    private static void Check(Dictionary<string, string> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors[field] = $"'{field}' must not be empty.";
        else if (value.Length > FieldMaxLength)
            errors[field] = $"'{field}' must be {FieldMaxLength} characters or fewer.";
        else if (value.Any(char.IsControl))
            errors[field] = $"'{field}' must not contain control characters.";
    }

    private sealed record StoreRow(int Id, string Name, string Address, string City, string State, string ZipCode)
    {
        public List<(int Id, string Name)> Products { get; } = [];

        public List<(int Id, string Email)> Managers { get; } = [];
    }
}

internal sealed record StoreInput(string? Name, string? Address, string? City, string? State, string? ZipCode);

[JsonSerializable(typeof(StoreInput))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, PropertyNameCaseInsensitive = true)]
internal sealed partial class RawJsonContext : JsonSerializerContext;

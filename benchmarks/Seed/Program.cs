using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

// Usage: Seed <base-url> <admin-email> <admin-password>
// Signs in once (sign-in is throttled per address), seeds the dataset and prints the bearer token on stdout for wrk.
if (args.Length != 3)
{
    await Console.Error.WriteLineAsync("usage: Overholt.Benchmarks.Seed <base-url> <admin-email> <admin-password>");
    return 2;
}

const int Categories = 20;
const int Products = 2_000;
const int Stores = 500;
const int ProductsPerStore = 10;
const int Parallelism = 8;

var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
using var http = new HttpClient { BaseAddress = new Uri(args[0]), Timeout = TimeSpan.FromSeconds(60) };
var clock = Stopwatch.StartNew();

using var login = await http.PostAsJsonAsync("/api/auth/login", new { email = args[1], password = args[2] }, json);
var token = (await ReadAsync<TokenResponse>(login, "POST /api/auth/login")).AccessToken;
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

using var currentUser = await http.GetAsync("/api/users");
var adminId = (await ReadAsync<Envelope<Created>>(currentUser, "GET /api/users")).Data.Id;

var categoryIds = new int[Categories];
await Parallel.ForAsync(0, Categories, Options(), async (i, cancellationToken) =>
{
    // Every other category has no description, so both shapes of a category are served.
    var description = i % 2 == 0 ? $"Things of kind {i + 1}" : null;
    categoryIds[i] = await CreateAsync("/api/categories", new { name = $"Category {i + 1:D2}", description }, cancellationToken);
});

await ReportAsync($"{Categories} categories");

var productIds = new int[Products];
await Parallel.ForAsync(0, Products, Options(), async (i, cancellationToken) =>
{
    int[] categories = [categoryIds[i % Categories], categoryIds[(i + 7) % Categories]];
    productIds[i] = await CreateAsync("/api/products", new { name = $"Product {i + 1:D4}", categories }, cancellationToken);
});

await ReportAsync($"{Products} products");

await Parallel.ForAsync(0, Stores, Options(), async (i, cancellationToken) =>
{
    var storeId = await CreateAsync(
        "/api/stores",
        new { name = $"Store {i + 1:D3}", address = $"{i + 1} Main Street", city = "Portland", state = "OR", zip_code = "97201" },
        cancellationToken);
    for (var p = 0; p < ProductsPerStore; p++)
        await PutAsync($"/api/stores/{storeId}/products/{productIds[(i * ProductsPerStore + p) % Products]}", cancellationToken);
    await PutAsync($"/api/stores/{storeId}/managers/{adminId}", cancellationToken);
});

await ReportAsync($"{Stores} stores with {ProductsPerStore} products and 1 manager each");
Console.WriteLine(token);
return 0;

Task ReportAsync(string seeded) =>
    Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {clock.Elapsed.TotalSeconds,5:0.0} s  seeded {seeded}"));

async Task<int> CreateAsync(string path, object body, CancellationToken cancellationToken)
{
    using var response = await http.PostAsJsonAsync(path, body, json, cancellationToken);
    return (await ReadAsync<Envelope<Created>>(response, $"POST {path}")).Data.Id;
}

async Task PutAsync(string path, CancellationToken cancellationToken)
{
    using var response = await http.PutAsync(path, content: null, cancellationToken);
    await ReadAsync<Envelope<Created>>(response, $"PUT {path}");
}

async Task<T> ReadAsync<T>(HttpResponseMessage response, string request)
{
    if (!response.IsSuccessStatusCode)
        throw new HttpRequestException($"{request} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    return await response.Content.ReadFromJsonAsync<T>(json) ?? throw new InvalidOperationException($"{request} answered an empty body");
}

ParallelOptions Options() => new() { MaxDegreeOfParallelism = Parallelism };

internal sealed record TokenResponse(string AccessToken);

internal sealed record Envelope<T>(T Data);

internal sealed record Created(int Id);

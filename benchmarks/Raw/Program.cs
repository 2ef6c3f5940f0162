using Npgsql;
using Overholt.Benchmarks.Raw;

var builder = WebApplication.CreateSlimBuilder(args);

// The app's appsettings.json keeps request logs at Warning; without the same filter this side would pay for them.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

var connectionString = builder.Configuration.GetConnectionString("Default")
    ?? throw new InvalidOperationException("Set ConnectionStrings__Default to the database to serve.");

// What a hand-tuned Npgsql client would do: prepare the few hot statements once, skip DISCARD ALL on every return to the pool.
// The endpoints send twelve distinct statements; room for all of them keeps each prepared.
var database = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
{
    MaxAutoPrepare = 20,
    NoResetOnClose = true,
});
builder.Services.AddSingleton(database);

var app = builder.Build();

app.MapGet("/api/products", ProductEndpoints.ListAsync);
app.MapGet("/api/products/{id:int:min(1)}", ProductEndpoints.GetAsync);
app.MapGet("/api/stores", StoreEndpoints.ListAsync);
app.MapPost("/api/stores", StoreEndpoints.CreateAsync);
app.MapGet("/health", () => "Healthy");

app.Run();

using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Overholt.FunctionalTests.Imports;
using Overholt.Infrastructure.Persistence;
using Overholt.Testing;
using Overholt.Testing.Databases;

namespace Overholt.FunctionalTests.Performance;

/// <summary>
/// 100,000 product rows imported through the API on PostgreSQL, timed from the upload to the finished status (the
/// target: 60 s on this machine), then the same file again, which must change nothing. The times are printed.
/// </summary>
public sealed class LargeImportTests(PostgresApp postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Rows = 100_000;
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(60);

    private OverholtApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = new OverholtApp(await TestDatabase.CreatePostgresAsync(postgres.Server), ImportTestSettings.Worker);
        await _app.ResetAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _app.Database.DisposeAsync();
    }

    [Fact]
    public async Task A_hundred_thousand_product_rows_import_within_a_minute_and_again_change_nothing()
    {
        var file = new StringBuilder("name,categories\n", Rows * 40);
        for (var i = 0; i < Rows; i++)
            file.Append(CultureInfo.InvariantCulture, $"Imported product {i:D6},Category {i % 50:D2}|Category {(i * 7) % 50:D2}\n");
        var csv = file.ToString();

        var clock = Stopwatch.StartNew();
        var first = await _app.AsAdmin.FinishedAsync(await _app.AsAdmin.UploadAsync("products", csv, unknownCategories: "create"));
        var firstTime = clock.Elapsed;
        clock.Restart();
        var second = await _app.AsAdmin.FinishedAsync(await _app.AsAdmin.UploadAsync("products", csv, unknownCategories: "create"));
        var secondTime = clock.Elapsed;

        string[] report =
        [
            $"{Rows:N0} new product rows ({Encoding.UTF8.GetByteCount(csv) / 1024.0 / 1024.0:F1} MB), PostgreSQL: {firstTime.TotalSeconds:F1} s from upload to finished: {first.GetProperty("message").GetString()}",
            $"The same file again: {secondTime.TotalSeconds:F1} s: {second.GetProperty("message").GetString()}",
        ];
        foreach (var line in report)
            output.WriteLine(line);
        // Kept where a run leaves its artifacts, for whoever reads the numbers after a passing run.
        var artifacts = Path.Combine(Environment.GetEnvironmentVariable("OVERHOLT_ARTIFACTS") ?? Path.Combine(Repository.Root, "artifacts"), "benchmarks");
        Directory.CreateDirectory(artifacts);
        await File.WriteAllLinesAsync(Path.Combine(artifacts, "large-import.txt"), report);
        Assert.Equal("succeeded", first.GetProperty("status").GetString());
        Assert.Equal($"{Rows:N0} rows written: {Rows:N0} created, 0 updated, 0 unchanged, 50 categories created.", first.GetProperty("message").GetString());
        Assert.Equal($"{Rows:N0} rows written: 0 created, 0 updated, {Rows:N0} unchanged.", second.GetProperty("message").GetString());
        Assert.True(firstTime < Target, $"the import took {firstTime}");
        Assert.True(secondTime < Target, $"the second import took {secondTime}");

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OverholtDbContext>();
        Assert.Equal(Rows, await db.Products.CountAsync());
        // The import takes whole blocks of ids, as the app's own creations do: no block for each row.
        var span = await db.Database.SqlQueryRaw<int>("SELECT (max(id) - min(id) + 1)::int AS \"Value\" FROM products").SingleAsync();
        Assert.InRange(span, Rows, Rows + PostgresOverholtDbContext.KeyBlockSize);
        Assert.Equal((Rows * 2) - (Rows / 25), await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM products_categories").SingleAsync());
    }
}

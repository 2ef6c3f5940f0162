using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Overholt.Infrastructure.Persistence;
using Overholt.Testing;
using Overholt.Testing.Databases;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Operations;

/// <summary>
/// The key ring encrypted at rest with <c>DataProtection:Certificate</c>: what the table holds, which nodes can read it,
/// keys from before the certificate, rolling to a new certificate, and settings that cannot work. Each test has a
/// database of its own: the shared test database keeps its key ring across resets, and nodes without the certificate
/// must go on reading it.
/// </summary>
public sealed class EncryptedSharedKeyRingTests(PostgresApp postgres)
{
    private const string PlainKey = "<masterKey"; // an unencrypted key's secret, in the clear
    private const string EncryptedKey = "EncryptedData";
    private const string NoticeCategory = "Overholt.Infrastructure.KeyRing.KeyRingProtectionNotice";

    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_a_node_with_the_same_certificate_reads_them()
    {
        using var certificate = TestCertificate.Create("Overholt keys");
        await using var database = await TestDatabase.CreatePostgresAsync(postgres.Server);
        await using var first = new OverholtApp(database, certificate.AsPfx());
        await first.ResetAsync();
        var token = await Authentication.LoginAsync(first.Anonymous, first.User.Email, first.User.Password);

        var keys = await StoredKeysAsync(first);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains(EncryptedKey, xml, StringComparison.Ordinal);
            Assert.Contains(certificate.RawDataBase64, xml, StringComparison.Ordinal);
            Assert.DoesNotContain(PlainKey, xml, StringComparison.Ordinal);
        });

        await using var second = new OverholtApp(database, certificate.AsPem()); // the same certificate, as PEM files
        Assert.Equal(HttpStatusCode.OK, await StatusWithTokenAsync(second, token));
        Assert.Equal(keys, await StoredKeysAsync(second)); // read, not replaced by a key of its own
    }

    [Fact]
    public async Task A_node_without_the_certificate_refuses_tokens_made_with_the_encrypted_keys()
    {
        using var certificate = TestCertificate.Create("Overholt keys");
        await using var database = await TestDatabase.CreatePostgresAsync(postgres.Server);
        await using var withCertificate = new OverholtApp(database, certificate.AsPfx());
        await withCertificate.ResetAsync();
        var token = await Authentication.LoginAsync(withCertificate.Anonymous, withCertificate.User.Email, withCertificate.User.Password);

        await using var withoutCertificate = new OverholtApp(database);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithTokenAsync(withoutCertificate, token));
        Assert.Equal(HttpStatusCode.OK, await StatusWithTokenAsync(withCertificate, token));
    }

    [Fact]
    public async Task Keys_stored_before_the_certificate_keep_working_and_the_next_key_is_encrypted()
    {
        using var certificate = TestCertificate.Create("Overholt keys");
        await using var database = await TestDatabase.CreatePostgresAsync(postgres.Server);
        await using var before = new OverholtApp(database);
        await before.ResetAsync();
        var tokenBefore = await Authentication.LoginAsync(before.Anonymous, before.User.Email, before.User.Password);
        Assert.Contains(PlainKey, Assert.Single(await StoredKeysAsync(before)), StringComparison.Ordinal);

        await using var after = new OverholtApp(database, certificate.AsPfx());
        Assert.Equal(HttpStatusCode.OK, await StatusWithTokenAsync(after, tokenBefore));

        // The next key, made at once here as the ring makes it itself before the current key expires.
        after.Services.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));
        var keys = await StoredKeysAsync(after);
        Assert.Equal(2, keys.Count);
        Assert.Contains(PlainKey, keys[0], StringComparison.Ordinal);
        Assert.Contains(EncryptedKey, keys[1], StringComparison.Ordinal);
        Assert.DoesNotContain(PlainKey, keys[1], StringComparison.Ordinal);

        // A node that reads the ring now signs with the new key; the old key's tokens still work there.
        await using var next = new OverholtApp(database, certificate.AsPem());
        var tokenAfter = await Authentication.LoginAsync(next.Anonymous, before.User.Email, before.User.Password);
        Assert.Equal(HttpStatusCode.OK, await StatusWithTokenAsync(next, tokenAfter));
        Assert.Equal(HttpStatusCode.OK, await StatusWithTokenAsync(next, tokenBefore));

        // Without the certificate only the old key is read.
        await using var withoutCertificate = new OverholtApp(database);
        Assert.Equal(HttpStatusCode.OK, await StatusWithTokenAsync(withoutCertificate, tokenBefore));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithTokenAsync(withoutCertificate, tokenAfter));
    }

    [Fact]
    public async Task Rolling_keys_encrypted_with_the_previous_certificate_stay_readable_and_new_keys_use_the_new_one()
    {
        using var oldCertificate = TestCertificate.Create("Overholt keys 2025");
        using var newCertificate = TestCertificate.Create("Overholt keys 2026");
        await using var database = await TestDatabase.CreatePostgresAsync(postgres.Server);
        await using var old = new OverholtApp(database, oldCertificate.AsPfx());
        await old.ResetAsync();
        var token = await Authentication.LoginAsync(old.Anonymous, old.User.Email, old.User.Password);

        var rolledSettings = newCertificate.AsPfx();
        foreach (var (key, value) in oldCertificate.AsPem("DataProtection:PreviousCertificates:0"))
            rolledSettings[key] = value;
        await using var rolled = new OverholtApp(database, rolledSettings);
        Assert.Equal(HttpStatusCode.OK, await StatusWithTokenAsync(rolled, token));
        rolled.Services.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));
        var keys = await StoredKeysAsync(rolled);
        Assert.Contains(oldCertificate.RawDataBase64, keys[0], StringComparison.Ordinal);
        Assert.Contains(newCertificate.RawDataBase64, keys[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(oldCertificate.RawDataBase64, keys[^1], StringComparison.Ordinal);

        // Without the old certificate listed, its keys are unreadable.
        await using var newOnly = new OverholtApp(database, newCertificate.AsPfx());
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithTokenAsync(newOnly, token));
    }

    [Theory]
    [InlineData("missing file", "DataProtection:Certificate:Path: ")]
    [InlineData("wrong password", "DataProtection:Certificate:Password: ")]
    [InlineData("no private key", "holds a certificate without its private key")]
    [InlineData("PEM without its key", "DataProtection:Certificate:KeyPath is not set")]
    [InlineData("another certificate's key", "DataProtection:Certificate:KeyPath: the private key in")]
    [InlineData("password without a file", "DataProtection:Certificate:Path is not set")]
    [InlineData("missing previous certificate", "DataProtection:PreviousCertificates:0:Path: ")]
    public async Task A_certificate_setting_that_cannot_work_stops_the_app_naming_the_key(string problem, string expected)
    {
        using var certificate = TestCertificate.Create("Overholt keys");
        using var other = TestCertificate.Create("Another");
        var missing = Path.Combine(Path.GetTempPath(), $"overholt-missing-{Guid.NewGuid():N}.pfx");
        var settings = problem switch
        {
            "missing file" => new Dictionary<string, string?> { ["DataProtection:Certificate:Path"] = missing },
            "wrong password" => new Dictionary<string, string?> { ["DataProtection:Certificate:Path"] = certificate.PfxPath, ["DataProtection:Certificate:Password"] = "wrong" },
            "no private key" => new Dictionary<string, string?> { ["DataProtection:Certificate:Path"] = certificate.PfxWithoutKeyPath, ["DataProtection:Certificate:Password"] = certificate.Password },
            "PEM without its key" => new Dictionary<string, string?> { ["DataProtection:Certificate:Path"] = certificate.CertificatePemPath },
            "another certificate's key" => new Dictionary<string, string?> { ["DataProtection:Certificate:Path"] = certificate.CertificatePemPath, ["DataProtection:Certificate:KeyPath"] = other.KeyPemPath },
            "password without a file" => new Dictionary<string, string?> { ["DataProtection:Certificate:Password"] = certificate.Password },
            "missing previous certificate" => new Dictionary<string, string?>(certificate.AsPfx()) { ["DataProtection:PreviousCertificates:0:Path"] = missing },
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
        };
        await using var database = TestDatabase.CreateSqlite(); // never opened: the app stops before
        await using var app = new OverholtApp(database, settings);

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", false, true)]
    [InlineData("Production", true, false)]
    [InlineData("Development", false, false)]
    public async Task Outside_development_a_node_warns_at_start_while_its_keys_are_stored_unencrypted(string environment, bool withCertificate, bool warns)
    {
        using var certificate = TestCertificate.Create("Overholt keys");
        var settings = withCertificate ? certificate.AsPfx() : [];
        settings["environment"] = environment;
        var logs = new LogCapture();
        await using var database = TestDatabase.CreateSqlite();
        await using var app = new OverholtApp(database, settings, services => services.AddSingleton<ILoggerProvider>(logs));
        await app.ResetAsync();
        await Authentication.LoginAsync(app.Anonymous, app.User.Email, app.User.Password); // makes the ring's first key

        var notices = logs.Entries.Where(entry => entry.Category == NoticeCategory && entry.Level >= LogLevel.Warning).ToList();
        if (warns)
            Assert.Contains(notices, entry => entry.Message.Contains("Set DataProtection:Certificate:Path", StringComparison.Ordinal));
        else
            Assert.Empty(notices);
        if (withCertificate) // nor the framework's own warning when it stores a key
            Assert.DoesNotContain(logs.Entries, entry => entry.Level >= LogLevel.Warning && entry.Message.Contains("unencrypted", StringComparison.Ordinal));
    }

    private static async Task<HttpStatusCode> StatusWithTokenAsync(OverholtApp node, string token)
    {
        using var client = node.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/categories");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The key ring's XML as stored, oldest first.</summary>
    private static async Task<List<string>> StoredKeysAsync(OverholtApp node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OverholtDbContext>().DataProtectionKeys
            .OrderBy(key => key.Id).Select(key => key.Xml!).ToListAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Every entry the app logs past its configured filters.</summary>
    private sealed class LogCapture : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(LogCapture capture, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                capture.Entries.Enqueue((logLevel, category, formatter(state, exception)));
        }
    }
}

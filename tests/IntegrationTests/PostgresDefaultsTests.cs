using Npgsql;
using Overholt.Infrastructure.Persistence;

namespace Overholt.IntegrationTests;

/// <summary>The app's own Npgsql tuning applies to the connection string a user writes, and yields to one that names it.</summary>
public sealed class PostgresDefaultsTests
{
    [Fact]
    public void A_plain_connection_string_gets_prepared_statements_and_no_reset_on_close()
    {
        var tuned = new NpgsqlConnectionStringBuilder(ProviderConfiguration.WithPostgresDefaults("Host=db;Username=app;Database=overholt"));

        Assert.Equal(32, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
    }

    [Fact]
    public void Settings_the_connection_string_names_are_kept()
    {
        var tuned = new NpgsqlConnectionStringBuilder(ProviderConfiguration.WithPostgresDefaults("Host=db;Database=overholt;Max Auto Prepare=0;No Reset On Close=false"));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }

    [Fact]
    public void A_setting_written_without_spaces_is_kept_too()
    {
        var tuned = new NpgsqlConnectionStringBuilder(ProviderConfiguration.WithPostgresDefaults("Host=db;Database=overholt;maxautoprepare=5"));

        Assert.Equal(5, tuned.MaxAutoPrepare);
    }
}

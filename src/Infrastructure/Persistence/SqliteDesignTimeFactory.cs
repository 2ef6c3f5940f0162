using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Overholt.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef</c> build each provider's context without starting the app (no database is touched).</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOverholtDbContext>
{
    public SqliteOverholtDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteOverholtDbContext>();
        options.UseOverholtSqlite("Data Source=design-time.db");
        return new SqliteOverholtDbContext(options.Options);
    }
}

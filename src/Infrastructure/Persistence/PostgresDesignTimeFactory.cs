using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Overholt.Infrastructure.Persistence;

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresOverholtDbContext>
{
    public PostgresOverholtDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresOverholtDbContext>();
        options.UseOverholtPostgres("Host=localhost;Database=overholt");
        return new PostgresOverholtDbContext(options.Options);
    }
}

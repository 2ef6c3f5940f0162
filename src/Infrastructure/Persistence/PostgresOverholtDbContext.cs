using Microsoft.EntityFrameworkCore;

namespace Overholt.Infrastructure.Persistence;

public sealed class PostgresOverholtDbContext(DbContextOptions<PostgresOverholtDbContext> options) : OverholtDbContext(options);

using Microsoft.EntityFrameworkCore;

namespace Overholt.Infrastructure.Persistence;

public sealed class SqliteOverholtDbContext(DbContextOptions<SqliteOverholtDbContext> options) : OverholtDbContext(options);

using Microsoft.EntityFrameworkCore;
using Overholt.Domain.Categories;
using Overholt.Domain.Primitives;
using Overholt.Domain.Products;
using Overholt.Domain.Stores;

namespace Overholt.Infrastructure.Persistence;

public sealed class PostgresOverholtDbContext(DbContextOptions<PostgresOverholtDbContext> options) : OverholtDbContext(options)
{
    /// <summary>
    /// How many ids of a catalogue table one trip to its sequence reserves (<see cref="OnModelCreating"/>). An id the
    /// database hands out by default (an INSERT without one, as the bulk writers send) takes a whole block too.
    /// </summary>
    public const int KeyBlockSize = 20;

    /// <summary>
    /// A store, product or category gets its id from the app before its insert (hi-lo: one <c>nextval</c> per block of
    /// <see cref="KeyBlockSize"/> ids, from the sequence of the table's identity column). Its creation's history entry
    /// then names it in the same batch as the insert: one round trip, no transaction of the app's. The migration
    /// HiLoCatalogueKeys sets the identity's increment to the block size, so ids from either source never meet.
    /// </summary>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        HiLo<Store>(builder, "stores");
        HiLo<Product>(builder, "products");
        HiLo<Category>(builder, "categories");
    }

    private static void HiLo<T>(ModelBuilder builder, string table)
        where T : Entity
    {
        var sequence = IdentitySequence(table);
        builder.HasSequence<int>(sequence).IncrementsBy(KeyBlockSize);
        builder.Entity<T>().Property(entity => entity.Id).UseHiLo(sequence);
    }

    /// <summary>Whether the app takes the table's ids in blocks (the tables above; the bulk writers do too: <see cref="BulkStatements"/>).</summary>
    internal static bool TakesIdsInBlocks(string table) => table is "stores" or "products" or "categories";

    /// <summary>The name PostgreSQL gives the sequence behind a table's identity column <c>id</c>.</summary>
    internal static string IdentitySequence(string table) => $"{table}_id_seq";
}

using System.Reflection;
using Overholt.Application.Stores;
using Overholt.Domain.Primitives;
using Overholt.Domain.Stores;

namespace Overholt.UnitTests.Application;

/// <summary>
/// <see cref="Overholt.Application.Paging.SortFields{T}.After"/>: for every row of a list in a sort's order, the keyset
/// condition keeps exactly the rows after it, whatever the directions and however many rows share the keys.
/// </summary>
public sealed class KeysetTests
{
    private static readonly PropertyInfo IdProperty = typeof(Entity).GetProperty(nameof(Entity.Id))!;

    [Theory]
    [InlineData(null)]
    [InlineData("state,-name")]
    [InlineData("-state,city,-id")]
    [InlineData("-zip_code")]
    [InlineData("-id")]
    public void After_a_row_are_exactly_the_rows_that_follow_it_in_the_sorts_order(string? sort)
    {
        var random = new Random(7);
        var stores = Enumerable.Range(1, 60).Select(id => Store(id, Letter(random), Letter(random), Letter(random), Letter(random))).ToList();
        var ordered = InOrder(stores, sort);

        for (var position = 0; position < ordered.Count; position++)
        {
            var after = StoreSorting.Fields.After(sort, ordered[position]).Compile();
            Assert.Equal(ordered.Skip(position + 1).Select(store => store.Id), ordered.Where(after).Select(store => store.Id));
        }
    }

    /// <summary>The order <see cref="StoreSorting"/> gives, written out for the sorts above (one letter each: culture and ordinal agree).</summary>
    private static List<Store> InOrder(List<Store> stores, string? sort) => sort switch
    {
        null => [.. stores.OrderBy(store => store.Name).ThenBy(store => store.Id)],
        "state,-name" => [.. stores.OrderBy(store => store.State).ThenByDescending(store => store.Name).ThenBy(store => store.Id)],
        "-state,city,-id" => [.. stores.OrderByDescending(store => store.State).ThenBy(store => store.City).ThenByDescending(store => store.Id)],
        "-zip_code" => [.. stores.OrderByDescending(store => store.ZipCode).ThenBy(store => store.Id)],
        "-id" => [.. stores.OrderByDescending(store => store.Id)],
        _ => throw new ArgumentOutOfRangeException(nameof(sort)),
    };

    private static string Letter(Random random) => ((char)('A' + random.Next(3))).ToString();

    private static Store Store(int id, string name, string city, string state, string zipCode)
    {
        var store = new Store(name, "1 Main St", city, state, zipCode);
        IdProperty.SetValue(store, id);
        return store;
    }
}

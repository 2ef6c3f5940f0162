namespace Overholt.Application.Caching;

/// <summary>What a catalogue answer can show, so what a change to which drops it.</summary>
public enum CatalogueData
{
    /// <summary>Categories: <c>categories</c>.</summary>
    Categories,

    /// <summary>Products with their categories: <c>products</c>, <c>products_categories</c> (by product).</summary>
    Products,

    /// <summary>Stores with what they carry and who manages them: <c>stores</c>, <c>stores_products</c>, <c>stores_managers</c> (by store).</summary>
    Stores,

    /// <summary>Users as shown on stores: their emails, and their deletion (<c>users</c>).</summary>
    Users,
}

/// <summary>
/// One thing a kept answer shows: one row of <paramref name="Data"/> (<paramref name="Id"/>), or any of them (null).
/// An answer is dropped by any change to what it depends on.
/// </summary>
public readonly record struct CatalogueDependency(CatalogueData Data, int? Id = null)
{
    public static CatalogueDependency AnyOf(CatalogueData data) => new(data);

    public static CatalogueDependency One(CatalogueData data, int id) => new(data, id);

    /// <summary>Everything in the catalogue: what the dashboard shows.</summary>
    public static readonly IReadOnlyList<CatalogueDependency> Everything = [.. Enum.GetValues<CatalogueData>().Select(AnyOf)];

    public bool IsDroppedBy(CatalogueChange change) => change.Data == Data && (Id is not { } id || change.Ids is not { } ids || ids.Contains(id));
}

/// <summary>A change to <paramref name="Data"/>: to the rows of <paramref name="Ids"/>, or to any of them (null: not known which).</summary>
public sealed record CatalogueChange(CatalogueData Data, IReadOnlySet<int>? Ids = null)
{
    /// <summary>What a change that cannot be told apart drops: everything.</summary>
    public static readonly IReadOnlyList<CatalogueChange> Everything = [.. Enum.GetValues<CatalogueData>().Select(data => new CatalogueChange(data))];
}

namespace Overholt.Web.Api;

/// <summary>Body of POST and PUT /api/stores; on PUT every field is optional.</summary>
public sealed record StoreRequest(string? Name, string? Address, string? City, string? State, string? ZipCode);

/// <summary>Body of POST and PUT /api/products; <c>categories</c> is a list of category ids.</summary>
public sealed record ProductRequest(string? Name, IReadOnlyList<int>? Categories);

/// <summary>Body of POST and PUT /api/categories.</summary>
public sealed record CategoryRequest(string? Name, string? Description);

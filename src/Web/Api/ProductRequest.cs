namespace Overholt.Web.Api;

/// <summary>Body of POST and PUT /api/products; <c>categories</c> is a list of category ids.</summary>
public sealed record ProductRequest(string? Name, IReadOnlyList<int>? Categories);

namespace Overholt.Web.Api;

/// <summary>Body of POST and PUT /api/categories.</summary>
public sealed record CategoryRequest(string? Name, string? Description);

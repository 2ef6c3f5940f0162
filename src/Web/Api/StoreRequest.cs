namespace Overholt.Web.Api;

/// <summary>Body of POST and PUT /api/stores; on PUT every field is optional.</summary>
public sealed record StoreRequest(string? Name, string? Address, string? City, string? State, string? ZipCode);

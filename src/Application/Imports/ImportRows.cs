using Overholt.Application.Stores;

namespace Overholt.Application.Imports;

/// <summary>A product row of an import file as read: its line, name and category names.</summary>
public sealed record ProductRow(int Line, string? Name, IReadOnlyList<string> Categories);

/// <summary>A store row of an import file as read: its line, details, product names and manager emails.</summary>
public sealed record StoreRow(int Line, string? Name, string? Address, string? City, string? State, string? ZipCode, IReadOnlyList<string> Products, IReadOnlyList<string> Managers)
    : IStoreDetails;

/// <summary>What writing an import's rows did.</summary>
public sealed record ImportWriteResult(int Created, int Updated, int Unchanged, int CategoriesCreated = 0);

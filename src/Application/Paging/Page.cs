namespace Overholt.Application.Paging;

/// <summary>One page of a list and where it sits in the whole.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);

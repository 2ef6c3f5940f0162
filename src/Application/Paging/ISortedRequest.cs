namespace Overholt.Application.Paging;

/// <summary>A list request a client may order: <c>sort=state,-name</c> (see <see cref="SortFields{T}"/>).</summary>
public interface ISortedRequest
{
    /// <summary>Comma-separated fields, each preceded by <c>-</c> for descending; null for the list's default order.</summary>
    string? Sort { get; }
}

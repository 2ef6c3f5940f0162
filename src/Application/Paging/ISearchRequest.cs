namespace Overholt.Application.Paging;

/// <summary>A request for one page of a list narrowed by a search text.</summary>
public interface ISearchRequest : IPagedRequest
{
    /// <summary>Text the results must contain (matched literally, ignoring case); null or blank for all.</summary>
    string? Search { get; }
}

namespace Overholt.Application.Paging;

/// <summary>A request for one page of a list.</summary>
public interface IPagedRequest
{
    const int DefaultPageSize = 50;
    const int MaxPageSize = 200;

    /// <summary>1-based page number.</summary>
    int Page { get; }

    int PageSize { get; }
}

namespace Overholt.Application.Paging;

/// <summary>A request for one page of a list.</summary>
public interface IPagedRequest
{
    /// <summary>The API's page when a client names no size.</summary>
    const int DefaultPageSize = 50;

    /// <summary>Rows on a list in the admin pages.</summary>
    const int AdminListPageSize = 20;

    /// <summary>The largest page; a form that offers every choice (a product's categories) asks for one of it.</summary>
    const int MaxPageSize = 200;

    /// <summary>1-based page number.</summary>
    int Page { get; }

    int PageSize { get; }
}

using Overholt.Application.Validation;

namespace Overholt.Application.Paging;

/// <summary>Paging rules, and a search text that a database can take.</summary>
public abstract class SearchRequestValidator<T> : PagedRequestValidator<T>
    where T : ISearchRequest
{
    protected SearchRequestValidator() => RuleFor(request => request.Search).PlainText();
}

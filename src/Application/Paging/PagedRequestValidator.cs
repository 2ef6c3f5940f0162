using FluentValidation;

namespace Overholt.Application.Paging;

/// <summary>Page numbers start at 1; page sizes run from 1 to <see cref="IPagedRequest.MaxPageSize"/>. Out-of-range values are errors, not clamped.</summary>
public abstract class PagedRequestValidator<T> : AbstractValidator<T>
    where T : IPagedRequest
{
    protected PagedRequestValidator()
    {
        RuleFor(request => request.Page).GreaterThanOrEqualTo(1);
        RuleFor(request => request.PageSize).InclusiveBetween(1, IPagedRequest.MaxPageSize);
    }
}

using FluentValidation;

namespace Overholt.Application.Paging;

/// <summary>Page numbers start at 1; page sizes run from 1 to <see cref="IPagedRequest.MaxPageSize"/>. Out-of-range values are errors, not clamped.</summary>
public abstract class PagedRequestValidator<T> : AbstractValidator<T>
    where T : IPagedRequest
{
    protected PagedRequestValidator()
    {
        // Bounded so that (page - 1) * page_size cannot overflow into a negative offset.
        RuleFor(request => request.Page).InclusiveBetween(1, int.MaxValue / IPagedRequest.MaxPageSize);
        RuleFor(request => request.PageSize).InclusiveBetween(1, IPagedRequest.MaxPageSize);
    }
}

using FluentValidation;
using Overholt.Application.Paging;

namespace Overholt.Application.History;

/// <summary>Paging, and filters that name something the history can hold.</summary>
public abstract class HistoryRequestValidator<T> : PagedRequestValidator<T>
    where T : IPagedRequest
{
    protected void Filters(Func<T, HistoryFilter> filter)
    {
        RuleFor(request => filter(request).Actor).GreaterThan(0).OverridePropertyName(nameof(HistoryFilter.Actor));
        RuleFor(request => filter(request).ResourceId).GreaterThan(0).OverridePropertyName(nameof(HistoryFilter.ResourceId));
        RuleFor(request => filter(request).Action)
            .Must(action => action is null || HistoryActions.All.Contains(action))
            .WithMessage($"'{{PropertyName}}' must be one of: {string.Join(", ", HistoryActions.All)}.")
            .OverridePropertyName(nameof(HistoryFilter.Action));
        RuleFor(request => filter(request).ResourceType)
            .Must(type => type is null || HistoryActions.ResourceTypes.Contains(type))
            .WithMessage($"'{{PropertyName}}' must be one of: {string.Join(", ", HistoryActions.ResourceTypes)}.")
            .OverridePropertyName(nameof(HistoryFilter.ResourceType));
        RuleFor(request => filter(request).To)
            .Must((request, to) => to is null || filter(request).From is not { } from || from <= to)
            .WithMessage("'{PropertyName}' must not be before 'From'.")
            .OverridePropertyName(nameof(HistoryFilter.To));
    }
}

using FluentValidation;
using Mediator;
using Overholt.Application.Errors;
using Overholt.Application.Security;
using Overholt.Domain.Imports;
using Overholt.Domain.Users;

namespace Overholt.Application.Imports.Commands.StartImport;

/// <summary>
/// Keeps an uploaded CSV file with a new import and queues it: a worker runs it unless <see cref="InBackground"/> is
/// false (the console runs it itself). Returns the import's id at once; the file is read by the run.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record StartImport(string? Kind, string? FileName, byte[]? Content, string? UnknownCategories = null, string? Mode = null, bool InBackground = true)
    : ICommand<Guid>;

public sealed class StartImportHandler(IImportStore imports, ICurrentUser user, TimeProvider clock) : ICommandHandler<StartImport, Guid>
{
    public async ValueTask<Guid> Handle(StartImport command, CancellationToken cancellationToken)
    {
        if (command.Content!.LongLength > ImportLimits.MaxFileBytes)
            throw new ContentTooLargeException($"The file is larger than {ImportLimits.MaxFileBytes / (1024 * 1024)} MB, the most one import takes. Split it into several files.");
        var import = new Import(
            ImportTerms.KindNamed(command.Kind), command.FileName, ImportTerms.UnknownCategoriesNamed(command.UnknownCategories), ImportTerms.ModeNamed(command.Mode),
            user.Id, clock.GetUtcNow().UtcDateTime, command.InBackground);
        await imports.AddAsync(import, command.Content, cancellationToken);
        return import.Id;
    }
}

public sealed class StartImportValidator : AbstractValidator<StartImport>
{
    public StartImportValidator()
    {
        RuleFor(command => command.Kind).Must(kind => ImportTerms.IsOneOf(kind, ImportTerms.Kinds))
            .WithMessage($"'Kind' must be one of {string.Join(", ", ImportTerms.Kinds)}.");
        RuleFor(command => command.UnknownCategories).Must(choice => choice is null || ImportTerms.IsOneOf(choice, ImportTerms.UnknownCategoryChoices))
            .WithMessage($"'UnknownCategories' must be one of {string.Join(", ", ImportTerms.UnknownCategoryChoices)}.");
        RuleFor(command => command.Mode).Must(mode => mode is null || ImportTerms.IsOneOf(mode, ImportTerms.Modes))
            .WithMessage($"'Mode' must be one of {string.Join(", ", ImportTerms.Modes)}.");
        RuleFor(command => command.Content).NotEmpty().WithMessage("Choose a CSV file that is not empty.").OverridePropertyName("File");
    }
}

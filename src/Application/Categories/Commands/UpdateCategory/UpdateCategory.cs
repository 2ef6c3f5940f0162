using Mediator;
using Overholt.Application.Concurrency;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Domain.Categories;
using Overholt.Domain.Users;

namespace Overholt.Application.Categories.Commands.UpdateCategory;

/// <summary>Changes the given fields of a category; a null field stays as it is, an empty description clears it.</summary>
[RequiresRole(Roles.Admin)]
public sealed record UpdateCategory(int CategoryId, string? Name, string? Description, VersionCondition? IfVersion = null) : ICommand, ICategoryDetails;

public sealed class UpdateCategoryHandler(IRepository<Category> categories) : ICommandHandler<UpdateCategory>
{
    public async ValueTask<Unit> Handle(UpdateCategory command, CancellationToken cancellationToken)
    {
        var category = await categories.GetByIdAsync(command.CategoryId, cancellationToken)
            ?? throw new NotFoundException(nameof(Category), command.CategoryId);
        command.IfVersion?.Ensure(category, nameof(Category));

        if (command.Name is not null)
            await categories.EnsureNameIsFreeAsync(command.Name, exceptCategoryId: category.Id, cancellationToken);
        category.ChangeDetails(command.Name, command.Description);

        return Unit.Value;
    }
}
